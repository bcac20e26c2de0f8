namespace ArtifactGraph.Storage.Sqlite;

/// <summary>Options for <see cref="SqliteGraphStore"/>; bound from configuration and validated on open.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file. Relative paths resolve against the working directory.</summary>
    public string Path { get; set; } = "artifactgraph.db";

    /// <summary>How long a connection waits for another writer's lock before failing.</summary>
    public int BusyTimeoutMs { get; set; } = 5000;

    /// <summary>
    /// False (default): WAL with synchronous=NORMAL, a committed document survives a crash of the process
    /// but the last commits may be lost (never corrupted) on power loss or an OS crash. True: synchronous=FULL,
    /// an fsync of the WAL per document, durable against power loss; measured at ~300 ms per document on
    /// the benchmark machine's disk (docs/BENCHMARKS-HISTORY.md), so it is opt-in.
    /// </summary>
    public bool SynchronousFull { get; set; }

    /// <summary>
    /// How many nodes the writer remembers across documents (id, property keys, whether named), so a node
    /// seen before costs no B-tree lookup. About 40 bytes each (keyed by a hash of the node's identity, not its
    /// key string); one document may add at most a quarter of it. 0 turns the cache off. A million (~45 MB): with
    /// 250,000 a tier M load (692,000 nodes) missed ~90 nodes an SBOM, each a failed insert and a lookup in the table
    /// (~11% of the committing thread); a million took that load from 48.7 to 56.6 MB/s (docs/BENCHMARKS-HISTORY.md, stop 21).
    /// </summary>
    public int NodeCacheCapacity { get; set; } = 1_000_000;

    /// <summary>
    /// How many new nodes the writer stages before it moves them into the unique (kind, key) index in one statement
    /// (Writing/StagedNodes.cs; and on close). Inserted in their documents' transactions, new keys landed on random index
    /// pages, each a page of that commit's write-ahead log; merged in bulk, each page takes many keys. The writer keeps the
    /// staged nodes in a map (32–64 bytes each), and a reader looking a node up by key that is not in the index scans them,
    /// so the step is bounded. 0 merges before every insert. A bulk load uses <see cref="BulkNodeMergeRows"/>.
    /// </summary>
    public int NodeMergeRows { get; set; } = 65_536;

    /// <summary>
    /// Milliseconds without a commit after which the staged nodes are merged anyway (0: only by
    /// <see cref="NodeMergeRows"/> and on close). A server's uploads come one by one, and a few hundred new nodes an upload
    /// would otherwise stay staged for hundreds of uploads, each looked up by key (a node's properties, an edge's
    /// documents) by walking the staged rows (~4 ms at 65,536) instead of through the index. Merged while the writer is idle,
    /// they cost the uploads nothing.
    /// </summary>
    public int NodeMergeIdleMs { get; set; } = 2_000;

    /// <summary>
    /// What a bulk load (the <c>ingest</c> command) sets <see cref="NodeMergeRows"/> to: a tier M load (~700,000 nodes)
    /// then merges twice instead of eleven times, for ~3–5 s less of the committing thread's CPU (alternated runs,
    /// docs/BENCHMARKS-HISTORY.md, stop 29). The map holds at most 32 MB; another process looking a node up by key
    /// meanwhile may scan up to this many staged rows (~30 ms).
    /// </summary>
    public const int BulkNodeMergeRows = 500_000;

    /// <summary>
    /// About how many edges the writer remembers across documents: kept by from node, a run of up to 8 edges per node in
    /// one array (about 24 bytes an edge and 50 a node), the rest by edge; a quarter per document at most. 0 turns the
    /// cache off.
    /// </summary>
    public int EdgeCacheCapacity { get; set; } = 1_000_000;

    /// <summary>
    /// Provenance is written at commit as one row per document (its edge and node ids); the row-keyed indexes
    /// that answer "which documents assert this edge" are filled from those rows in bulk once the documents not
    /// yet merged hold this many ids (and on close), or half the ids already merged if that is more, up to
    /// <see cref="ProvenanceMergeMaxIds"/>. Each merge appends one segment of blocks, and a read looks up one block
    /// in every segment, so a step growing with the index keeps the segments few (about a dozen for 10,000 images)
    /// where a fixed step would add one per step. Until a merge a provenance read also scans the staged lists (~1–3 ms
    /// per 500,000 ids). 0 merges after every document.
    /// </summary>
    public long ProvenanceMergeIds { get; set; } = 500_000;

    /// <summary>
    /// The largest step between provenance merges (<see cref="ProvenanceMergeIds"/>), so the staged lists a
    /// provenance read scans stay bounded (~10–25 ms at 4,000,000 ids). The <c>ingest</c> command, a batch job whose
    /// store is merged on close, lifts it.
    /// </summary>
    public long ProvenanceMergeMaxIds { get; set; } = 4_000_000;

    /// <summary>
    /// How many provenance pairs one step of a segment join moves (Provenance/SegmentCompaction.cs). A server's merges
    /// make segments of up to <see cref="ProvenanceMergeMaxIds"/> pairs, and every eight of a size are joined as one; the
    /// join moves this many pairs after each document (and as many as a merge wrote, after a merge), in a transaction
    /// of its own, instead of all at once. A million pairs took a median 38 ms (at most 116) on the benchmark machine,
    /// so a step adds ~10 ms to a document while a join is under way, where a join done in one go held every upload
    /// for seconds (~25 s for the 256M pairs one class above a server's merges). Joins still keep well ahead of merges:
    /// a server merges every ~700 tier M documents, and a 32M-pair join takes ~130 steps.
    /// </summary>
    public long ProvenanceCompactionPairs { get; set; } = 250_000;

    /// <summary>What a bulk load (the <c>ingest</c> command) sets <see cref="WalAutocheckpointPages"/> to: ~200 MB of log.</summary>
    public const int BulkWalAutocheckpointPages = 50_000;

    /// <summary>
    /// How often the write-ahead log is copied back into the database file and synced, in 4 KB pages written to it: by
    /// a thread of the store's own (<see cref="CheckpointThread"/>), else by the writer's <c>wal_autocheckpoint</c>, on
    /// the committing thread, once a commit leaves more than this in the log. 10,000 (~40 MB): a
    /// 1,000-component SBOM dirties over 1,000 pages, so SQLite's default of 1,000 checkpointed after nearly every document.
    /// A bulk load uses <see cref="BulkWalAutocheckpointPages"/>: the pages many documents rewrite (B-tree interior pages,
    /// provenance) are copied once per ~200 MB of log instead of per ~40 MB, and 2,000 tier M images load ~8% faster
    /// (docs/BENCHMARKS-HISTORY.md, stop 25), for a log file up to ~200 MB larger while the load runs.
    /// </summary>
    public int WalAutocheckpointPages { get; set; } = 10_000;

    /// <summary>
    /// Whether the log is checkpointed by a thread of the store's own (Writing/WalCheckpointer.cs) rather than inside the
    /// commit that fills it: the committing thread no longer stops ~200 ms every ~200 MB of a bulk load while its reader
    /// runs dry (full tier M: that thread ~2 s lighter, the load ~3% faster; docs/BENCHMARKS-HISTORY.md, stop 32). The
    /// writer's own <c>wal_autocheckpoint</c> stays as a backstop at <see cref="Writing.WalCheckpointer.BackstopFactor"/>
    /// times <see cref="WalAutocheckpointPages"/>.
    /// Off: the writer checkpoints at <see cref="WalAutocheckpointPages"/>, as before (for comparisons).
    /// </summary>
    public bool CheckpointThread { get; set; } = true;

    /// <summary>The writer connection's own <c>wal_autocheckpoint</c>: the interval, or the backstop above it when a thread checkpoints.</summary>
    internal int WriterAutocheckpointPages =>
        CheckpointThread ? (int)Math.Min(int.MaxValue, (long)WalAutocheckpointPages * Writing.WalCheckpointer.BackstopFactor) : WalAutocheckpointPages;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("SqliteStoreOptions.Path must name a database file.", nameof(Path));
        }

        // The store opens several connections (one writer, pooled readers); a private in-memory database cannot be shared.
        if (Path.Trim() == ":memory:")
        {
            throw new ArgumentException("SqliteStoreOptions.Path cannot be ':memory:'; use a (temporary) file.", nameof(Path));
        }

        if (NodeCacheCapacity < 0 || EdgeCacheCapacity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(NodeCacheCapacity), "NodeCacheCapacity and EdgeCacheCapacity must be zero or positive.");
        }

        if (NodeMergeRows < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(NodeMergeRows), NodeMergeRows, "NodeMergeRows must be zero or positive.");
        }

        if (NodeMergeIdleMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(NodeMergeIdleMs), NodeMergeIdleMs, "NodeMergeIdleMs must be zero or positive.");
        }

        if (ProvenanceCompactionPairs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ProvenanceCompactionPairs), ProvenanceCompactionPairs, "ProvenanceCompactionPairs must be positive.");
        }

        if (ProvenanceMergeIds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ProvenanceMergeIds), ProvenanceMergeIds, "ProvenanceMergeIds must be zero or positive.");
        }

        if (ProvenanceMergeMaxIds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ProvenanceMergeMaxIds), ProvenanceMergeMaxIds, "ProvenanceMergeMaxIds must be zero or positive.");
        }

        if (WalAutocheckpointPages <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(WalAutocheckpointPages), WalAutocheckpointPages, "WalAutocheckpointPages must be positive (SQLite stops checkpointing at 0, and the log would grow until the store closed).");
        }

        if (BusyTimeoutMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BusyTimeoutMs), BusyTimeoutMs, "BusyTimeoutMs must be zero or positive.");
        }
    }
}
