using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Storage.Postgres.Migrations;
using ArtifactGraph.Storage.Postgres.Reading;
using ArtifactGraph.Storage.Postgres.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ArtifactGraph.Storage.Postgres;

/// <summary>
/// The server graph store: the same tables and semantics as the SQLite store, in PostgreSQL. Each document is
/// one transaction on a pooled connection, under a transaction-scoped advisory lock so writers from any
/// number of processes commit one at a time (as SQLite's single writer does); reads run concurrently on
/// their own pooled connections and see committed snapshots.
/// </summary>
public sealed class PostgresGraphStore : IGraphStore, IApiKeyStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WriterCache _cache;
    private readonly Lock _writeLock = new();
    private bool _writerOpen;
    private bool _disposed;

    private PostgresGraphStore(NpgsqlDataSource dataSource, TimeProvider time, ILogger logger, WriterCache cache)
    {
        _cache = cache;
        _dataSource = dataSource;
        _time = time;
        _logger = logger;
    }

    /// <summary>Connects, creates the schema if asked for one, and applies pending migrations.</summary>
    public static PostgresGraphStore Open(PostgresStoreOptions options, TimeProvider time, ILogger<PostgresGraphStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        ILogger log = logger ?? NullLogger<PostgresGraphStore>.Instance;

        var dataSource = BuildDataSource(options);
        try
        {
            using (var connection = dataSource.OpenConnection())
            {
                new MigrationRunner(Migration.LoadEmbedded(), time, log).Apply(connection, options.Schema);
            }

            var settings = dataSource.ConnectionString is { } cs ? new NpgsqlConnectionStringBuilder(cs) : new NpgsqlConnectionStringBuilder();
            Log.Opened(log, settings.Host, settings.Database, options.Schema ?? "(search path)");
            return new PostgresGraphStore(dataSource, time, log, new WriterCache(options.NodeCacheCapacity, options.EdgeCacheCapacity));
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    private static NpgsqlDataSource BuildDataSource(PostgresStoreOptions options)
    {
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.CommandTimeout = options.CommandTimeoutSeconds;
        settings.MaxPoolSize = options.MaxPoolSize;
        if (options.Schema is not null)
        {
            settings.SearchPath = options.Schema;
        }

        // The chunk and read statements are the same few texts over and over: let Npgsql prepare them.
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 32;
        }

        settings.ApplicationName ??= "artifactgraph";
        return builder.Build();
    }

    /// <summary>The writer's row cache (tests look into it).</summary>
    internal WriterCache Cache => _cache;

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

    /// <summary>
    /// Takes the store's write lock (same thread) and the database's write advisory lock until the returned
    /// writer is disposed. A second BeginDocument on the same thread before disposing the first throws
    /// rather than waiting forever on the advisory lock its own first transaction holds.
    /// </summary>
    public IDocumentWriter BeginDocument(string sha256, ReadOnlyMemory<byte> rawBytes) => BeginDocument(sha256, new RawDocument(rawBytes));

    /// <inheritdoc cref="BeginDocument(string, ReadOnlyMemory{byte})"/>
    public IDocumentWriter BeginDocument(string sha256, RawDocument raw)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        _writeLock.Enter();
        NpgsqlConnection? connection = null;
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writerOpen)
            {
                throw new InvalidOperationException("A document writer is already open on this thread; dispose it before beginning another.");
            }

            connection = _dataSource.OpenConnection();
            var writer = PostgresDocumentWriter.Begin(connection, sha256, raw, _time.GetUtcNow(), ReleaseWriter, _cache);
            _writerOpen = true;
            return writer;
        }
        catch
        {
            connection?.Dispose();
            _writeLock.Exit();
            throw;
        }
    }

    public bool ContainsDocument(string sha256) => Read(c => DocumentQueries.Contains(c, sha256));

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

    /// <summary>Closes the pool's connections; an open writer must be disposed first (it holds the write lock).</summary>
    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _dataSource.Dispose();
    }

    private void ReleaseWriter()
    {
        _writerOpen = false;
        _writeLock.Exit();
    }

    private T Read<T>(Func<NpgsqlConnection, T> query)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = _dataSource.OpenConnection();
        return query(connection);
    }
}
