using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Storage.Sqlite.Migrations;
using ArtifactGraph.Storage.Sqlite.Reading;
using ArtifactGraph.Storage.Sqlite.Writing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArtifactGraph.Storage.Sqlite;

/// <summary>
/// The embedded graph store: one SQLite file in WAL mode. Commits go through a single writer
/// connection, one at a time; reads use their own pooled connections and see committed snapshots.
/// </summary>
public sealed class SqliteGraphStore : IGraphStore, IApiKeyStore
{
    private readonly SqliteConnections _connections;
    private readonly SqliteConnection _writerConnection;
    private readonly CommitWriter _writer;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _writeLock = new();
    private readonly ITimer _idleMerge;
    private readonly TimeSpan _idleMergeAfter;
    private bool _disposed;

    private SqliteGraphStore(SqliteConnections connections, SqliteConnection writerConnection, CommitWriter writer, ILogger logger, TimeProvider time, TimeSpan idleMergeAfter)
    {
        _time = time;
        _connections = connections;
        _writerConnection = writerConnection;
        _writer = writer;
        _logger = logger;
        _idleMergeAfter = idleMergeAfter;
        _idleMerge = time.CreateTimer(_ => MergeNodesWhenIdle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Opens (creating if needed) the database, switches it to WAL and applies pending migrations.</summary>
    public static SqliteGraphStore Open(SqliteStoreOptions options, TimeProvider timeProvider, ILogger<SqliteGraphStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        ILogger log = logger ?? NullLogger<SqliteGraphStore>.Instance;

        var connections = new SqliteConnections(options);
        var connection = connections.Open();
        try
        {
            var journalMode = SqliteConnections.EnableWal(connection);
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                Log.NotWal(log, options.Path, journalMode);
            }

            new MigrationRunner(Migration.LoadEmbedded(), timeProvider, log).Apply(connection);
            SqliteConnections.ConfigureWriter(connection, options);
            var writer = new CommitWriter(connection, timeProvider, options, connections.Open, log);
            Log.Opened(log, options.Path);
            return new SqliteGraphStore(connections, connection, writer, log, timeProvider, TimeSpan.FromMilliseconds(options.NodeMergeIdleMs));
        }
        catch
        {
            connection.Dispose();
            connections.ClearPool();
            throw;
        }
    }

    /// <summary>Test hook: invoked inside each commit's transaction at every <see cref="CommitStage"/>.</summary>
    internal Action<CommitStage>? FaultInjection
    {
        get => _writer.FaultInjection;
        set => _writer.FaultInjection = value;
    }

    /// <summary>Test hook: checkpoint requests made, those the background thread served, and the tails the writer then copied (after which its next transaction rewinds the log).</summary>
    internal (int Requested, int Served, int Completed) Checkpoints => _writer.Checkpoints;

    /// <summary>Test hook: how many edges the writer's row cache holds.</summary>
    internal int CachedEdges => _writer.Edges.Count;

    /// <summary>Test hook: a PRAGMA's value on the writer connection.</summary>
    internal long WriterPragma(string name)
    {
        lock (_writeLock)
        {
            using var command = _writerConnection.CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return (long)command.ExecuteScalar()!;
        }
    }

    /// <summary>Test and bench hook: merges the staged provenance lists now.</summary>
    internal void MergeProvenance()
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer.MergeStaged(evenIfEmpty: true);
        }
    }

    /// <summary>Test hook: moves the staged nodes into the (kind, key) index now.</summary>
    internal void MergeNodes()
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer.MergeNodes(evenIfNone: true);
        }
    }

    public long ChangeSequence => Read(DocumentQueries.ChangeSequence);

    public CommitResult Commit(IngestBatch batch, ReadOnlyMemory<byte> rawBytes)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CommitResult result;
        using (var writer = BeginDocument(batch.Document.Sha256, rawBytes))
        {
            result = writer.Complete(batch);
        }

        if (result.AlreadyPresent)
        {
            Log.AlreadyPresent(_logger, batch.Document.Sha256, result.DocumentId);
        }
        else
        {
            Log.Committed(_logger, batch.Document.Sha256, result.Sequence, result.NodesAdded, result.EdgesAdded);
        }

        return result;
    }

    /// <summary>Compresses the raw bytes before taking the write lock (the slowest per-byte step), then begins.</summary>
    public IDocumentWriter BeginDocument(string sha256, ReadOnlyMemory<byte> rawBytes) => BeginDocument(sha256, new RawDocument(rawBytes));

    /// <summary>Takes the write lock until the returned writer is disposed (same thread).</summary>
    public IDocumentWriter BeginDocument(string sha256, RawDocument raw)
    {
        _writeLock.Enter();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _writer.Begin(sha256, raw, ReleaseWriter);
        }
        catch
        {
            _writeLock.Exit();
            throw;
        }
    }

    /// <summary>
    /// Ends a document (the write lock is held): while nodes are staged, the idle merge is due
    /// <see cref="SqliteStoreOptions.NodeMergeIdleMs"/> after this commit, so a server between uploads, and the readers that
    /// look its nodes up by key, keep none staged for long. Each commit pushes it back: a steady stream of uploads merges
    /// by <see cref="SqliteStoreOptions.NodeMergeRows"/> instead.
    /// </summary>
    private void ReleaseWriter()
    {
        try
        {
            if (_idleMergeAfter > TimeSpan.Zero && _writer.Staged.Count > 0)
            {
                _idleMerge.Change(_idleMergeAfter, Timeout.InfiniteTimeSpan);
            }
        }
        finally
        {
            _writeLock.Exit();
        }
    }

    private void MergeNodesWhenIdle()
    {
        lock (_writeLock)
        {
            if (!_disposed)
            {
                _writer.MergeNodes();
            }
        }
    }

    /// <summary>
    /// Asked before every document of a bulk load is read. Answered on the writer's connection when it is free (its
    /// statement prepared, its page cache warm: nobody else wrote since its last commit): a pooled connection runs its
    /// set-up pragmas and finds its page cache stale after every commit, ~2% of the committing thread. Another thread
    /// writing, or this one in the middle of a document, asks on a pooled connection as before.
    /// </summary>
    public bool ContainsDocument(string sha256)
    {
        if (!_writeLock.IsHeldByCurrentThread && _writeLock.TryEnter())
        {
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return _writer.Documents.Find.Bind(0, sha256).TryExecutePair(out _, out _);
            }
            finally
            {
                _writeLock.Exit();
            }
        }

        return Read(c => DocumentQueries.Contains(c, sha256));
    }

    public void Load(IGraphLoadSink sink, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Read(c =>
        {
            GraphLoader.Load(c, sink, asOf);
            return true;
        });
    }

    public IReadOnlyList<StoredClaim> LoadClaims(DateTimeOffset? asOf = null) => Read(c => ClaimQueries.Load(c, asOf));

    public IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> GetNodeProperties(IReadOnlyCollection<NodeRef> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return Read(c => ClaimQueries.NodeProperties(c, nodes));
    }

    public IReadOnlyList<DocumentSummary> GetEdgeDocuments(EdgeKind kind, NodeRef from, NodeRef to) =>
        Read(c => DocumentQueries.ForEdge(c, kind, from, to));

    public IReadOnlyList<DocumentSummary> ListDocuments() => Read(DocumentQueries.List);

    public byte[]? GetRawDocument(string sha256) => Read(c => DocumentQueries.Raw(c, sha256));

    public StoreStatistics GetStatistics() => Read(StatisticsQuery.Read);

    public ApiKeyRecord CreateApiKey(string name, ApiKeyRole role, string keyHash) =>
        Read(c => ApiKeyQueries.Create(c, name, role, keyHash, _time.GetUtcNow()));

    public IReadOnlyList<ApiKeyRecord> ListApiKeys() => Read(ApiKeyQueries.List);

    public ApiKeyRecord? FindApiKey(string keyHash) => Read(c => ApiKeyQueries.Find(c, keyHash));

    public bool RevokeApiKey(long id) => Read(c => ApiKeyQueries.Revoke(c, id, _time.GetUtcNow()));

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _idleMerge.Dispose();
            _writer.StopCheckpoints();

            // The end of an ingest run: what is staged is merged so the next process starts with none.
            _writer.MergeStaged();
            _writer.MergeNodes();
            _writer.Dispose();
            _writerConnection.Dispose();
        }

        // Pooled reader connections hold the file open; release them so the file can be moved or deleted.
        _connections.ClearPool();
    }

    private T Read<T>(Func<SqliteConnection, T> query)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = _connections.Open();
        return query(connection);
    }
}
