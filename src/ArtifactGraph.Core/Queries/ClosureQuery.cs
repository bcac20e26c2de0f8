using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries;

public enum Direction
{
    /// <summary>Walk edges backwards: who uses the start (impact, dependents).</summary>
    Dependents,

    /// <summary>Walk edges forwards: what the start uses (contents, dependencies).</summary>
    Dependencies,
}

/// <summary>Options of a closure walk. A null <see cref="MaxDepth"/> walks to the end.</summary>
public sealed record ClosureOptions
{
    public EdgeKindSet EdgeKinds { get; init; } = EdgeKindSet.Impact;

    public int? MaxDepth { get; init; }

    /// <summary>Stop collecting after this many hits (the walk itself is bounded by the graph).</summary>
    public int MaxResults { get; init; } = int.MaxValue;
}

/// <summary>
/// Breadth-first closure over one snapshot with cycle safety: each node is reached once, at its
/// shortest depth, and keeps the edge it was reached by, so one shortest path per hit comes for free.
/// </summary>
public static class ClosureQuery
{

    public static ClosureResult Run(GraphIndex index, IReadOnlyList<int> starts, Direction direction, ClosureOptions? options = null)
    {
        options ??= new ClosureOptions();
        var scratch = TraversalScratch.For(index.NodeCount);
        var queue = scratch.Queue;
        int head = 0, tail = 0;
        foreach (var start in starts)
        {
            if (!scratch.IsVisited(start))
            {
                scratch.MarkVisited(start);
                scratch.Depth[start] = 0;
                scratch.Parent[start] = -1;
                queue[tail++] = start;
            }
        }

        var hits = new List<int>();
        var truncated = false;
        var allow = options.EdgeKinds;
        var symmetric = new EdgeKindSet(EdgeKindSet.Symmetric.Mask & allow.Mask);
        while (head < tail)
        {
            var node = queue[head++];
            var depth = scratch.Depth[node];
            if (depth > 0 && IsReported(index.KindOf(node)) && !IsDigestAlias(index, scratch, node))
            {
                if (hits.Count >= options.MaxResults)
                {
                    truncated = true;
                    break;
                }

                hits.Add(node);
            }

            if (options.MaxDepth is { } max && depth >= max)
            {
                continue;
            }

            // Along the walk direction the neighbour is the child; the edge points child -> node when
            // walking dependents (the child uses node), node -> child when walking dependencies.
            var along = direction == Direction.Dependents ? index.Incoming(node) : index.Outgoing(node);
            Visit(along, allow, childToParent: direction == Direction.Dependents);
            if (symmetric.Mask != 0)
            {
                var against = direction == Direction.Dependents ? index.Outgoing(node) : index.Incoming(node);
                Visit(against, symmetric, childToParent: direction != Direction.Dependents);
            }

            void Visit(EdgeSpan edges, EdgeKindSet kinds, bool childToParent)
            {
                for (var i = 0; i < edges.Count; i++)
                {
                    var kind = edges.Kind(i);
                    var child = edges.Target(i);
                    if (!kinds.Contains(kind) || scratch.IsVisited(child))
                    {
                        continue;
                    }

                    scratch.MarkVisited(child);
                    scratch.Depth[child] = depth + 1;
                    scratch.Parent[child] = node;
                    scratch.ParentEdge[child] = kind;
                    scratch.ChildToParent[child] = childToParent;
                    queue[tail++] = child;
                }
            }
        }

        var results = new List<ClosureHit>(hits.Count);
        foreach (var hit in hits)
        {
            results.Add(new ClosureHit(hit, scratch.Depth[hit], BuildPath(scratch, hit, direction)));
        }

        results.Sort((a, b) => a.Depth != b.Depth
            ? a.Depth.CompareTo(b.Depth)
            : index.KindOf(a.Node) != index.KindOf(b.Node)
                ? index.KindOf(a.Node).CompareTo(index.KindOf(b.Node))
                : string.CompareOrdinal(index.KeyOf(a.Node), index.KeyOf(b.Node)));
        return new ClosureResult(starts, results, truncated);
    }

    /// <summary>Kinds that are answers; Package, Document and License nodes are structure, not answers.</summary>
    private static bool IsReported(NodeKind kind) => kind is NodeKind.PackageVersion or NodeKind.Artifact or NodeKind.Image
        or NodeKind.Deployment or NodeKind.Source or NodeKind.Builder;

    /// <summary>
    /// An artifact reached over OCCURS_AS is the digest of a package already on the path: the same thing
    /// under another name, so it is walked (images may contain the file) but not reported as an answer.
    /// </summary>
    private static bool IsDigestAlias(GraphIndex index, TraversalScratch scratch, int node) =>
        index.KindOf(node) == NodeKind.Artifact && scratch.ParentEdge[node] == EdgeKind.OccursAs;

    /// <summary>
    /// Dependents read from the hit down to the start (hit uses ... uses start); dependencies read from
    /// the start down to the hit. Either way each step's edge joins it to the previous step.
    /// </summary>
    private static List<PathStep> BuildPath(TraversalScratch scratch, int hit, Direction direction)
    {
        var chain = new List<int>();
        for (var n = hit; n >= 0; n = scratch.Parent[n])
        {
            chain.Add(n);
        }

        var steps = new List<PathStep>(chain.Count);
        if (direction == Direction.Dependents)
        {
            // chain = hit, parent, ..., start: the edge between chain[i-1] (child) and chain[i] is on the child.
            steps.Add(new PathStep(chain[0], null, true));
            for (var i = 1; i < chain.Count; i++)
            {
                var child = chain[i - 1];
                steps.Add(new PathStep(chain[i], scratch.ParentEdge[child], scratch.ChildToParent[child]));
            }
        }
        else
        {
            chain.Reverse();
            steps.Add(new PathStep(chain[0], null, true));
            for (var i = 1; i < chain.Count; i++)
            {
                var child = chain[i];
                steps.Add(new PathStep(child, scratch.ParentEdge[child], !scratch.ChildToParent[child]));
            }
        }

        return steps;
    }
}
