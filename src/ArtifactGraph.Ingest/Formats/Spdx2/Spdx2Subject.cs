using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// The subject and the edges that keep every element reachable from the Document node. Described elements:
/// the first is the subject, the Document DESCRIBES each. None: an inferred subject (Spdx2SubjectInference)
/// CONTAINS every package nothing else contains or depends on. Files no package contains are CONTAINED by the
/// subject; with described elements, a package still unreachable is DESCRIBED by the Document (it is listed).
/// </summary>
internal static class Spdx2Subject
{
    /// <summary>Returns the subject and the further nodes the Document DESCRIBES.</summary>
    public static (NodeRef Subject, List<NodeRef> AlsoDescribed) Resolve(Spdx2Context context, List<string> describedIds)
    {
        var described = new List<NodeRef>();
        foreach (var id in describedIds)
        {
            if (context.Nodes.TryGetValue(id, out var node))
            {
                described.Add(node);
            }
            else
            {
                context.Builder.Warn(context.Document.LocationOf("documentDescribes"), $"described element '{id}' made no node (a file without checksum or a snippet)");
            }
        }

        described = described.Distinct().ToList();
        var inferred = described.Count == 0;
        var subject = inferred ? Spdx2SubjectInference.Infer(context) : described[0];
        var targets = context.GraphEdges.Where(e => e.Kind != EdgeKind.BuiltFrom).Select(e => e.To).ToHashSet();

        var ownedFiles = context.GraphEdges
            .Where(e => e.Kind == EdgeKind.Contains && !context.FileNodes.Contains(e.From))
            .Select(e => e.To)
            .ToHashSet();
        foreach (var file in context.FileNodes.Where(f => !ownedFiles.Contains(f)))
        {
            context.AddEdge(EdgeKind.Contains, subject, file);
        }

        var packages = context.PackageNodes.Distinct().Where(p => p != subject).ToList();
        if (inferred)
        {
            foreach (var root in packages.Where(p => !targets.Contains(p)))
            {
                context.AddEdge(EdgeKind.Contains, subject, root);
            }
        }

        // Whatever is still unreachable (cycles, packages only related by properties) is tied on so nothing dangles.
        var forward = context.GraphEdges.ToLookup(e => e.From, e => e.To);
        var reached = Reach(forward, [subject, .. described]);
        var also = new List<NodeRef>(described.Skip(1));
        foreach (var package in packages.OrderBy(p => targets.Contains(p)))
        {
            if (reached.Contains(package))
            {
                continue;
            }

            if (inferred)
            {
                context.AddEdge(EdgeKind.Contains, subject, package);
            }
            else
            {
                also.Add(package);
            }

            reached.UnionWith(Reach(forward, [package]));
        }

        return (subject, also);
    }

    private static HashSet<NodeRef> Reach(ILookup<NodeRef, NodeRef> forward, IEnumerable<NodeRef> starts)
    {
        var seen = new HashSet<NodeRef>(starts);
        var pending = new Stack<NodeRef>(seen);
        while (pending.TryPop(out var node))
        {
            foreach (var next in forward[node].Where(seen.Add))
            {
                pending.Push(next);
            }
        }

        return seen;
    }
}
