namespace ArtifactGraph.Server.GraphQL.Models;

/// <summary>One page of a Relay connection: the total, the edges of the page, and whether more follow.</summary>
internal class ConnectionModel(int totalCount, IReadOnlyList<EdgeModel> edges, bool hasNextPage)
{
    public int TotalCount { get; } = totalCount;

    public IReadOnlyList<EdgeModel> Edges { get; } = edges;

    public bool HasNextPage { get; } = hasNextPage;

    public string? EndCursor => Edges.Count == 0 ? null : Edges[^1].Cursor;
}

/// <summary>A connection edge: its cursor and the item (a node, a relationship, a closure hit).</summary>
internal sealed record EdgeModel(string Cursor, object Item);

/// <summary>A dependents/dependencies page, with what the target resolved to.</summary>
internal sealed class ClosureConnectionModel(ConnectionModel page, TargetModel target)
    : ConnectionModel(page.TotalCount, page.Edges, page.HasNextPage)
{
    public TargetModel Target { get; } = target;
}
