using ArtifactGraph.Core.Storage;
namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>
/// The store's node and edge caches, kept across documents by the one writer a store instance has at a time.
/// A cached id is safe with other processes writing the same database because rows are never deleted and
/// identities never re-keyed: supersession marks documents, not rows. An id handed out inside a transaction
/// that then rolls back never existed, so a rollback clears everything (rare: a rejected document).
/// </summary>
internal sealed class WriterCache(int nodeCapacity, int edgeCapacity)
{
    public IdentityRowCache<CachedRow> Nodes { get; } = new(nodeCapacity);

    public RowCache<EdgeKey, CachedRow> Edges { get; } = new(edgeCapacity);

    public void StartDocument()
    {
        Nodes.StartDocument();
        Edges.StartDocument();
    }

    public void Clear()
    {
        Nodes.Clear();
        Edges.Clear();
    }
}
