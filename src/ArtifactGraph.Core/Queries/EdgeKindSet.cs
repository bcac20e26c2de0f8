using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Queries;

/// <summary>A set of edge kinds as a bit mask, so the traversal's allowlist check is one AND.</summary>
public readonly record struct EdgeKindSet(uint Mask)
{
    /// <summary>The impact allowlist of DESIGN.md §5: what makes one thing part of another's supply chain.</summary>
    public static EdgeKindSet Impact { get; } = Of(EdgeKind.DependsOn, EdgeKind.Contains, EdgeKind.OccursAs, EdgeKind.BasedOn, EdgeKind.Runs, EdgeKind.ResolvesTo);

    /// <summary>
    /// Kinds walked in both directions whatever the query's direction: OCCURS_AS says a package and an
    /// artifact digest are the same thing, so "contains the artifact" means "contains the package".
    /// </summary>
    public static EdgeKindSet Symmetric { get; } = Of(EdgeKind.OccursAs);

    public static EdgeKindSet Of(params EdgeKind[] kinds) => new(kinds.Aggregate(0u, (m, k) => m | (1u << (int)k)));

    public bool Contains(EdgeKind kind) => (Mask & (1u << (int)kind)) != 0;

    public IEnumerable<EdgeKind> Kinds => EdgeKinds.All.Where(Contains);
}
