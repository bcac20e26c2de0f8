using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// Owns the store's single writer connection and the statements prepared once on it. Each document is
/// one immediate transaction, opened by <see cref="Begin"/> and finished by the returned writer.
/// Not thread-safe: the store serializes documents.
/// </summary>
internal sealed class CommitWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _timeProvider;

    public CommitWriter(SqliteConnection connection, TimeProvider timeProvider, int nodeCacheCapacity, int edgeCacheCapacity)
    {
        _connection = connection;
        _timeProvider = timeProvider;
        Documents = new DocumentStatements(connection);
        Graph = new GraphStatements(connection);
        Nodes = new RowCache<UInt128>(nodeCacheCapacity);
        Edges = new RowCache<EdgeKey>(edgeCacheCapacity);
    }

    /// <summary>Test hook: called at each <see cref="CommitStage"/> inside the transaction; throwing rolls back.</summary>
    public Action<CommitStage>? FaultInjection { get; set; }

    public DocumentStatements Documents { get; }

    public GraphStatements Graph { get; }

    public PropertyJson Json { get; } = new();

    /// <summary>Committed nodes by identity (<see cref="NodeHash"/>), across documents; cleared by <see cref="Forget"/>.</summary>
    public RowCache<UInt128> Nodes { get; }

    /// <summary>Committed edges by (kind, from id, to id), across documents; cleared by <see cref="Forget"/>.</summary>
    public RowCache<EdgeKey> Edges { get; }

    public PropertyKeySets Keys { get; } = new();

    /// <summary>Called when a transaction rolls back: the caches may name rows (or keys) that no longer exist.</summary>
    public void Forget()
    {
        Nodes.Clear();
        Edges.Clear();
    }

    /// <summary>Opens the document's transaction; <paramref name="release"/> runs when the writer is done.</summary>
    public IDocumentWriter Begin(string sha256, RawDocument raw, Action release)
    {
        var transaction = _connection.BeginTransaction(deferred: false);
        try
        {
            return new SqliteDocumentWriter(this, transaction, sha256, raw.Bytes.Length, raw.Encoded, raw.Encoding, _timeProvider.GetUtcNow(), release);
        }
        catch
        {
            transaction.Rollback();
            transaction.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Documents.Dispose();
        Graph.Dispose();
        Json.Dispose();
    }
}
