using System.Globalization;
using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx3;

/// <summary>
/// An SPDX 3.0.1 JSON-LD document → an <see cref="IngestBatch"/>: roots (the subject), packages, hashed
/// files, relationships and the Document's own facts. The mapping table is in graph-schema/ontology.md.
/// </summary>
internal static class Spdx3DocumentMapper
{
    public static IngestBatch Map(JsonElement root, DocumentInput input, string format)
    {
        var (context, elements) = Spdx3Graph.Read(root);
        var byId = elements.ToDictionary(e => e.Id, StringComparer.Ordinal);
        // No spill: attaching unreachable elements needs every edge at the end, and the whole JSON-LD graph is
        // in memory as a JsonDocument anyway.
        var builder = new IngestBatchBuilder();
        var document = elements.Find(e => e.Type == "SpdxDocument");
        var declaredRoots = DeclaredRoots(elements, byId);

        foreach (var element in elements)
        {
            if (Spdx3Types.IsPackage(element.Type))
            {
                element.Node = Spdx3ElementMapper.MapPackage(element, declaredRoots.Contains(element), byId, context, builder);
            }
            else if (Spdx3Types.IsFile(element.Type))
            {
                element.Node = Spdx3ElementMapper.MapFile(element, context, builder);
            }
        }

        var relationships = new Spdx3Relationships(byId, context, builder);
        foreach (var relationship in elements.Where(e => Spdx3Types.IsRelationship(e.Type)))
        {
            relationships.Map(relationship);
        }

        relationships.Flush();
        var roots = declaredRoots.Concat(relationships.DescribedRoots).Select(e => e.Node).OfType<NodeRef>().Distinct().ToList();
        var info = NewDocumentInfo(input, format, document, elements, byId, roots, relationships.Dropped, builder);
        AttachUnreachable(builder, info, roots, elements);
        return builder.Build(info);
    }

    /// <summary>rootElement of the SpdxDocument and of every Sbom/Bom; a root that is itself a collection stands for its roots.</summary>
    private static HashSet<Spdx3Element> DeclaredRoots(List<Spdx3Element> elements, Dictionary<string, Spdx3Element> byId)
    {
        var roots = new HashSet<Spdx3Element>();
        var seen = new HashSet<Spdx3Element>();
        var pending = new Stack<Spdx3Element>(elements.Where(e => Spdx3Types.IsCollection(e.Type)));
        while (pending.TryPop(out var collection))
        {
            if (!seen.Add(collection))
            {
                continue;
            }

            foreach (var (reference, _) in collection.Refs("rootElement"))
            {
                if (!byId.TryGetValue(reference, out var root))
                {
                    continue; // a root in another document: nothing here to describe
                }

                if (Spdx3Types.IsCollection(root.Type))
                {
                    pending.Push(root);
                }
                else
                {
                    roots.Add(root);
                }
            }
        }

        return roots;
    }

    private static DocumentInfo NewDocumentInfo(
        DocumentInput input, string format, Spdx3Element? document, List<Spdx3Element> elements, Dictionary<string, Spdx3Element> byId, List<NodeRef> roots, int dropped, IngestBatchBuilder builder)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document is not null)
        {
            properties["spdx3:spdxId"] = document.Id;
            var profiles = document.Values("profileConformance").Where(v => v.Value.ValueKind == JsonValueKind.String).Select(v => v.Value.GetString()!).ToList();
            if (profiles.Count > 0)
            {
                properties["spdx3:profileConformance"] = string.Join(' ', profiles);
            }
        }

        // What the graph has no kind for is counted, so the loss is visible.
        foreach (var group in elements.Where(e => !IsMapped(e.Type)).GroupBy(e => e.Type, StringComparer.Ordinal))
        {
            properties["spdx3:dropped:" + group.Key] = group.Count().ToString(CultureInfo.InvariantCulture);
        }

        var filesWithoutDigest = elements.Count(e => Spdx3Types.IsFile(e.Type) && e.Node is null);
        if (filesWithoutDigest > 0)
        {
            properties["spdx3:filesWithoutDigest"] = filesWithoutDigest.ToString(CultureInfo.InvariantCulture);
        }

        if (dropped > 0)
        {
            properties["spdx3:relationshipTargetsDropped"] = dropped.ToString(CultureInfo.InvariantCulture);
        }

        var creation = CreationInfo(document, elements, byId);
        return new DocumentInfo
        {
            Sha256 = input.Sha256,
            Format = format,
            SpecVersion = creation?.String("specVersion") ?? "3.0.1",
            Name = document?.String("name") ?? document?.Id ?? input.Name,
            Subject = roots.Count == 1 ? roots[0] : null,
            CreatedAt = Created(creation, builder),
            Properties = properties,
        };
    }

    private static bool IsMapped(string type) =>
        Spdx3Types.IsPackage(type) || Spdx3Types.IsFile(type) || Spdx3Types.IsRelationship(type) || Spdx3Types.IsLicense(type)
        || type is "SpdxDocument" or "CreationInfo";

    /// <summary>The SpdxDocument's creationInfo (a reference to a CreationInfo element), else the first CreationInfo.</summary>
    private static Spdx3Element? CreationInfo(Spdx3Element? document, List<Spdx3Element> elements, Dictionary<string, Spdx3Element> byId)
    {
        if (document?.Raw("creationInfo") is { Value.ValueKind: JsonValueKind.String } reference
            && byId.TryGetValue(reference.Value.GetString()!, out var info))
        {
            return info;
        }

        return elements.Find(e => e.Type == "CreationInfo");
    }

    private static DateTimeOffset? Created(Spdx3Element? creation, IngestBatchBuilder builder)
    {
        if (creation?.String("created") is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            return created;
        }

        builder.Warn(creation.Raw("created")!.Value.Pointer, $"created '{text}' is not a date-time; ignored");
        return null;
    }

    /// <summary>
    /// An SBOM lists what its subject contains: a package or file no root reaches is CONTAINed by the single root
    /// (edge property <c>spdx3:listed</c>), or, with no single root, DESCRIBED by the Document — nothing dangles.
    /// </summary>
    private static void AttachUnreachable(IngestBatchBuilder builder, DocumentInfo info, List<NodeRef> roots, List<Spdx3Element> elements)
    {
        var reached = new HashSet<NodeRef>(roots);
        // BUILT_FROM is walked both ways: what a root generates belongs to it as much as what it is built from.
        var forward = builder.PendingEdges.Where(e => e.Kind is EdgeKind.Contains or EdgeKind.DependsOn or EdgeKind.OccursAs or EdgeKind.BuiltFrom)
            .SelectMany(e => e.Kind == EdgeKind.BuiltFrom ? [(e.From, e.To), (e.To, e.From)] : new[] { (e.From, e.To) })
            .ToLookup(p => p.Item1, p => p.Item2);
        void Walk(NodeRef start)
        {
            var pending = new Stack<NodeRef>([start]);
            while (pending.TryPop(out var node))
            {
                foreach (var next in forward[node].Where(reached.Add))
                {
                    pending.Push(next);
                }
            }
        }

        foreach (var root in roots)
        {
            Walk(root);
        }

        builder.AddNode(info.NodeRef);
        var targeted = forward.SelectMany(g => g).ToHashSet();

        // Nodes nothing points at first, so with no single root the Document describes the tops, not what they reach.
        var unreached = elements.Select(e => e.Node).OfType<NodeRef>().Distinct().OrderBy(n => targeted.Contains(n)).ToList();
        foreach (var node in unreached.Where(n => !reached.Contains(n)))
        {
            if (roots.Count == 1)
            {
                builder.AddEdge(EdgeKind.Contains, roots[0], node, [new("spdx3:listed", "true")]);
            }
            else
            {
                builder.AddEdge(EdgeKind.Describes, info.NodeRef, node);
            }

            reached.Add(node);
            Walk(node);
        }

        foreach (var root in roots.Skip(roots.Count == 1 ? 1 : 0))
        {
            builder.AddEdge(EdgeKind.Describes, info.NodeRef, root);
        }
    }
}
