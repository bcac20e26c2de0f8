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
        var hits = new List<int>();
        var truncated = false;
        BreadthFirst.Walk(index, scratch, starts, direction, options.EdgeKinds, options.MaxDepth, node =>
        {
            if (!IsReported(index.KindOf(node)) || IsDigestAlias(index, scratch, node))
            {
                return true;
            }

            if (hits.Count >= options.MaxResults)
            {
                truncated = true;
                return false;
            }

            hits.Add(node);
            return true;
        });

        var results = new List<ClosureHit>(hits.Count);
        foreach (var hit in hits)
        {
            results.Add(new ClosureHit(hit, scratch.Depth[hit], BreadthFirst.PathTo(scratch, hit, direction)));
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
}
