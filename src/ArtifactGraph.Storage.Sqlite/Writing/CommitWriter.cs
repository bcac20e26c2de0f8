using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Storage.Sqlite.Provenance;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

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
    private readonly ProvenanceMerger _merger;
    private readonly long _mergeIds;
    private readonly long _mergeMaxIds;
    private readonly long _compactionPairs;
    private readonly ILogger _logger;
    private long _stagedIds;
    private long _mergedIds;
    private bool _compacting;
    private readonly WalCheckpointer? _checkpoints;
    // Room for a chunk's worth past the writer's own cap (it clears the map between chunks, not inside one); a refused id
    // is found again in the node cache or the table.
    private readonly IdentityTable<long> _documentNodeIds = new(2 * SqliteDocumentWriter.MaxKeptIds);

    /// <param name="open">Opens another connection to the file (the checkpoint thread's, <see cref="SqliteStoreOptions.CheckpointThread"/>).</param>
    public CommitWriter(SqliteConnection connection, TimeProvider timeProvider, SqliteStoreOptions options, Func<SqliteConnection> open, ILogger logger)
    {
        _connection = connection;
        _timeProvider = timeProvider;
        _logger = logger;
        _mergeIds = options.ProvenanceMergeIds;
        _mergeMaxIds = options.ProvenanceMergeMaxIds;
        _compactionPairs = options.ProvenanceCompactionPairs;
        Documents = new DocumentStatements(connection);
        Graph = new GraphStatements(connection);
        Rows = new DocumentRowsWriter(connection);
        Staged = new StagedNodes(connection, options.NodeMergeRows);
        Nodes = new IdentityRowCache<CachedRow>(options.NodeCacheCapacity);
        Edges = new EdgeRowCache(options.EdgeCacheCapacity);
        _merger = new ProvenanceMerger(connection);
        _checkpoints = options.CheckpointThread ? new WalCheckpointer(connection, open, options.WalAutocheckpointPages, logger) : null;

        // Lists staged by an earlier process (closed without merging, or crashed) count toward the next merge.
        (_mergedIds, _stagedIds) = _merger.Ids();
        _compacting = _merger.Compacting();
    }

    /// <summary>Test hook: called at each <see cref="CommitStage"/> inside the transaction; throwing rolls back.</summary>
    public Action<CommitStage>? FaultInjection { get; set; }

    public DocumentStatements Documents { get; }

    public GraphStatements Graph { get; }

    /// <summary>The current document's provenance, written as one row per document.</summary>
    public DocumentRowsWriter Rows { get; }

    /// <summary>The nodes appended outside the unique (kind, key) index until the next merge.</summary>
    public StagedNodes Staged { get; }

    public PropertyJson Json { get; } = new();

    /// <summary>Committed nodes by identity (<see cref="NodeHash"/>), across documents; cleared by <see cref="Forget"/>.</summary>
    public IdentityRowCache<CachedRow> Nodes { get; }

    /// <summary>Committed edges by from node, then (kind, to id), across documents; cleared by <see cref="Forget"/>.</summary>
    public EdgeRowCache Edges { get; }

    public PropertyKeySets Keys { get; } = new();

    /// <summary>
    /// The map of the current document's node ids by <see cref="NodeHash"/>, emptied for each document. One map for
    /// the writer's life: a new one per document, grown by doubling to ~2,300 entries, was ~210 KB of garbage a tier M
    /// SBOM on the committing thread (~40% of what that thread allocated). It holds about
    /// <see cref="SqliteDocumentWriter.MaxKeptIds"/> entries at most (3–6 MB, only while a document that large is
    /// written): an open-addressing table, as the node cache is, so finding an id is one cache miss.
    /// </summary>
    public IdentityTable<long> DocumentNodeIds()
    {
        _documentNodeIds.Clear();
        return _documentNodeIds;
    }

    /// <summary>The current chunk's node ids by key string identity; cleared at every chunk (one per writer, ~100 KB).</summary>
    public NodeIdMemo NodeIds { get; } = new();

    /// <summary>Called when a transaction rolls back: the caches may name rows (or keys) that no longer exist.</summary>
    public void Forget()
    {
        Nodes.Clear();
        Edges.Clear();
        Staged.Forget();
    }

    /// <summary>
    /// Moves the staged nodes into the unique index in a transaction of its own (on close, when idle, and for tests), so
    /// the next process, and readers looking nodes up by key, find none staged. Only when this writer knows of staged
    /// nodes (or <paramref name="evenIfNone"/>): a process that only read never takes the file's write lock on close, so
    /// a query run beside an ingest does not wait for it. A failure is logged: the nodes stay staged, and the next
    /// process reads them into its map and merges them.
    /// </summary>
    public void MergeNodes(bool evenIfNone = false)
    {
        if (Staged.Count == 0 && !evenIfNone)
        {
            return;
        }

        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            Staged.Refresh();
            var merged = Staged.Merge();
            transaction.Commit();
            Log.NodesMerged(_logger, merged);
        }
        catch (SqliteException e)
        {
            Staged.Forget();
            Log.NodeMergeFailed(_logger, e);
        }
    }

    /// <summary>Test hook: checkpoint requests made, those the thread served, and tails the writer then copied (zeros without the thread).</summary>
    public (int Requested, int Served, int Completed) Checkpoints => (_checkpoints?.Requested ?? 0, _checkpoints?.Served ?? 0, _checkpoints?.Completed ?? 0);

    /// <summary>
    /// Stops the checkpoint thread (after the checkpoint under way): called first on close, so the store's own closing
    /// checkpoint, once the last connection closes, copies what is left.
    /// </summary>
    public void StopCheckpoints() => _checkpoints?.Dispose();

    /// <summary>
    /// Called after a document committed (its transaction closed): asks for a checkpoint once its interval is logged
    /// (<see cref="WalCheckpointer"/>), then merges the staged lists once they hold
    /// <see cref="MergeThreshold"/> ids, which bounds what a provenance read scans; otherwise moves a slice of the
    /// segment join under way, if any.
    /// </summary>
    public void AfterCommit(long ids)
    {
        _checkpoints?.AfterCommit();
        _stagedIds += ids;
        if (_stagedIds >= MergeThreshold)
        {
            MergeStaged();
        }
        else if (_compacting)
        {
            Compact();
        }
    }

    /// <summary>
    /// <see cref="SqliteStoreOptions.ProvenanceMergeIds"/>, or half the ids merged so far if more (at most
    /// <see cref="SqliteStoreOptions.ProvenanceMergeMaxIds"/>): each merge adds a segment that every read looks in, so the
    /// step grows with the index and a bulk load's segments stay few.
    /// </summary>
    private long MergeThreshold => _mergeIds == 0 ? 0 : Math.Max(_mergeIds, Math.Min(_mergeMaxIds, _mergedIds / 2));

    /// <summary>Merges whatever is staged (on close, and for tests). A failure is logged: the staged lists stay
    /// committed, reads keep answering from them, and the next merge retries.</summary>
    public void MergeStaged(bool evenIfEmpty = false)
    {
        if (_stagedIds == 0 && !evenIfEmpty)
        {
            return;
        }

        try
        {
            (var documents, _compacting) = _merger.Merge(_compactionPairs);
            Log.ProvenanceMerged(_logger, documents, _stagedIds);
            _mergedIds += _stagedIds;
            _stagedIds = 0;
        }
        catch (SqliteException e)
        {
            Log.ProvenanceMergeFailed(_logger, e);
        }
    }

    /// <summary>A slice of the segment join under way, between documents (<see cref="SegmentCompaction"/>); a failure is logged and retried after the next document.</summary>
    private void Compact()
    {
        try
        {
            _compacting = _merger.Compact(_compactionPairs);
        }
        catch (SqliteException e)
        {
            Log.ProvenanceMergeFailed(_logger, e);
        }
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
        StopCheckpoints();
        Documents.Dispose();
        Graph.Dispose();
        Rows.Dispose();
        Staged.Dispose();
        _merger.Dispose();
        Json.Dispose();
    }
}
