using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// One document's open transaction. Its nodes and edges are written chunk by chunk as the reader maps them, and its row
/// by <see cref="Complete"/>, once, when the reader has finished. Each chunk's row ids are collected as it goes
/// (<see cref="Provenance.DocumentRowsWriter"/>) and <see cref="Complete"/> writes them as the document's one
/// provenance row.
/// Node ids are kept across the document's chunks, up to <see cref="MaxKeptIds"/>: a later chunk's edges name nodes of
/// earlier chunks (the writer's cross-document <see cref="Core.Storage.RowCache{TKey, TRow}"/> is bounded, so it cannot be relied on
/// for that; past the cap, the map of staged nodes or the table answers).
/// </summary>
internal sealed class SqliteDocumentWriter : IDocumentWriter
{
    private const string IngestOperation = "ingest";

    /// <summary>Node ids kept across a document's chunks before they are dropped (~2 MB of map).</summary>
    internal const int MaxKeptIds = 1 << 16;

    /// <summary>How many nodes ahead <see cref="WriteNodes"/> fetches the node cache's slot.</summary>
    private const int NodePrefetchDistance = 4;

    private readonly CommitWriter _owner;
    private readonly SqliteTransaction _transaction;
    private readonly DateTimeOffset _ingestedAt;
    private readonly Action _release;
    private readonly IdentityTable<long> _nodeIds;
    private readonly string _sha256;
    private readonly int _byteSize;
    private readonly byte[] _encoded;
    private readonly string _encoding;
    private readonly long _existingSequence;
    private long _documentId;
    private int _nodesAdded;
    private int _edgesAdded;
    private long _stagedIds;
    private bool _done;

    /// <summary>
    /// The first node id this document inserted. Ids only grow (nodes are never deleted), so a node at or past
    /// it is new in this transaction, and so is every edge that touches it.
    /// </summary>
    private long _firstNewNode = long.MaxValue;

    // A new image's own edges waiting for their batched insert (InsertImageEdges); empty between calls of WriteEdges.
    private readonly (EdgeRecord Edge, EdgeKey Key)[] _imageEdges = new (EdgeRecord, EdgeKey)[GraphStatements.EdgesPerInsert];
    private int _imageEdgeCount;

    public SqliteDocumentWriter(CommitWriter owner, SqliteTransaction transaction, string sha256, int byteSize, byte[] encoded, string encoding, DateTimeOffset ingestedAt, Action release)
    {
        _owner = owner;
        _transaction = transaction;
        _ingestedAt = ingestedAt;
        _release = release;

        // The document's row is written by Complete, once its facts are known (see DocumentStatements.Insert).
        (_sha256, _byteSize, _encoded, _encoding) = (sha256, byteSize, encoded, encoding);

        // The writer's one map (documents are written one at a time, under the store's write lock).
        _nodeIds = owner.DocumentNodeIds();
        if (owner.Documents.Find.Bind(0, sha256).TryExecutePair(out var existingId, out var existingSequence))
        {
            AlreadyPresent = true;
            _documentId = existingId;
            _existingSequence = existingSequence;
            return;
        }

        // The memo's ids are this transaction's: those of an earlier document (perhaps rolled back) are forgotten.
        owner.NodeIds.Clear();
        owner.Nodes.StartDocument();
        owner.Edges.StartDocument();
        owner.Staged.Refresh();

        owner.Rows.StartDocument();
        owner.FaultInjection?.Invoke(CommitStage.Begun);
    }

    public bool AlreadyPresent { get; }

    public void Write(IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges)
    {
        if (AlreadyPresent || _done)
        {
            throw new InvalidOperationException("The document is already stored or finished; nothing may be written.");
        }

        // A small document's ids are kept for all its chunks: read while it commits, a 1,000-component SBOM arrives
        // in 9 to 35 chunks whose edges name earlier chunks' nodes, and finding those in the row cache instead cost
        // the commit up to ~25% more CPU (256-record chunks). Past MaxKeptIds they are dropped, so a 250 MB document does not hold an id per node
        // for its whole length; its edges naming nodes of earlier chunks find them in the row cache or, failing
        // that, among the staged nodes (they were inserted earlier in this same transaction, or merged since).
        if (_nodeIds.Count >= MaxKeptIds)
        {
            _nodeIds.Clear();
            _owner.NodeIds.Clear();
        }

        _nodesAdded += WriteNodes(nodes);
        _owner.FaultInjection?.Invoke(CommitStage.NodesWritten);
        _edgesAdded += WriteEdges(edges);
        _owner.FaultInjection?.Invoke(CommitStage.EdgesWritten);
    }

    public CommitResult Complete(IngestBatch batch)
    {
        if (AlreadyPresent)
        {
            return new CommitResult(true, _existingSequence, _documentId, 0, 0);
        }

        Write(batch.Nodes, batch.Edges);
        var sequence = WriteDocument(batch.Document);
        WriteClaims(batch.Claims);
        var supersession = batch.Document.Subject is { } subject && DecideCurrent(subject);

        // Provenance: the document's ids as one row in its transaction, staged until the next merge.
        _stagedIds = _owner.Rows.Write(_documentId);
        _transaction.Commit();
        _done = true;
        return new CommitResult(false, sequence, _documentId, _nodesAdded, _edgesAdded, supersession);
    }

    public void Dispose()
    {
        try
        {
            if (!_done && !AlreadyPresent)
            {
                // Forget first: even if the rollback itself fails, no cached row may outlive it.
                _owner.Forget();
            }

            if (!_done)
            {
                _transaction.Rollback();
            }

            _transaction.Dispose();
            if (_done)
            {
                // After the commit, outside its transaction: a crash in between leaves the lists staged, and
                // reads answer from them until the next merge.
                _owner.AfterCommit(_stagedIds);
            }
        }
        finally
        {
            _release();
        }
    }

    /// <summary>The document's change row, then its row, written once and complete; returns its change sequence.</summary>
    private long WriteDocument(DocumentInfo document)
    {
        var documents = _owner.Documents;
        _documentId = documents.NextId.ExecuteInt64()!.Value;
        var at = SqliteTimestamps.Format(_ingestedAt);
        var sequence = documents.InsertChange.Bind(0, _documentId).Bind(1, IngestOperation).Bind(2, at).ExecuteInt64()!.Value;
        documents.Insert
            .Bind(0, _documentId)
            .Bind(1, _sha256)
            .Bind(2, document.Format)
            .Bind(3, document.SpecVersion)
            .Bind(4, document.Name)
            .Bind(5, document.Subject is { } s ? (long)s.Kind : null)
            .Bind(6, document.Subject?.Key)
            .Bind(7, document.CreatedAt is { } created ? SqliteTimestamps.Format(created) : null)
            .Bind(8, at)
            .Bind(9, sequence)
            .Bind(10, (long)_byteSize)
            .Bind(11, _encoded)
            .Bind(12, _encoding)
            .Bind(13, _owner.Json.Write(document.Properties))
            .Bind(14, SqliteTimestamps.FormatSortable(document.CreatedAt ?? _ingestedAt))
            .Execute();

        // SQLite copied the encoded bytes into the binding (a fifth of the document): drop that copy now.
        documents.Insert.BindNull(11);
        _owner.FaultInjection?.Invoke(CommitStage.DocumentWritten);
        return sequence;
    }

    /// <summary>Marks the latest document about <paramref name="subject"/> current and the others superseded.</summary>
    private bool DecideCurrent(NodeRef subject)
    {
        var kind = (long)subject.Kind;
        if (_owner.Documents.SubjectCount.Bind(0, kind).Bind(1, subject.Key).ExecuteInt64() is not > 1)
        {
            return false;
        }

        _owner.Documents.Supersede.Bind(0, kind).Bind(1, subject.Key).Execute();
        return true;
    }

    private void WriteClaims(IReadOnlyList<ClaimRecord> claims)
    {
        foreach (var claim in claims)
        {
            _owner.Graph.InsertClaim
                .Bind(0, _documentId)
                .Bind(1, (long)claim.Kind)
                .Bind(2, claim.Vulnerability)
                .Bind(3, (long)claim.Subject.Kind)
                .Bind(4, claim.Subject.Key)
                .Bind(5, claim.Payload)
                .Execute();
        }
    }

    private int WriteNodes(IReadOnlyList<NodeRecord> records)
    {
        var graph = _owner.Graph;
        var cache = _owner.Nodes;
        var added = 0;
        var nodes = SpanOf(records);
        for (var i = 0; i < nodes.Length; i++)
        {
            // Most nodes are known, and finding one is a cache miss: fetch a later node's slot while this one is written.
            if (i + NodePrefetchDistance < nodes.Length)
            {
                cache.Prefetch(nodes[i + NodePrefetchDistance].Identity);
            }

            var node = nodes[i];
            long id;
            var hash = node.Identity;
            if (cache.TryGet(hash, out var row))
            {
                // Known row: touch it only when this document brings a name it lacks or a new property key.
                id = row.Id;
                if ((!row.HasName && node.Name is not null) || !row.Keys.Covers(node.Properties))
                {
                    graph.MergeNode.Bind(0, id).Bind(1, node.Name).BindUtf8(2, _owner.Json.WriteUtf8(node.Properties)).Execute();
                    cache.Set(hash, new CachedRow(id, _owner.Keys.Union(row.Keys, node.Properties), row.HasName || node.Name is not null));
                }
            }
            else
            {
                id = InsertOrMergeNode(node, hash, ref added);
            }

            if (_owner.Json.WriteLive(node.Properties) is { } live)
            {
                graph.MergeNodeLive.Bind(0, id).Bind(1, node.Name).BindUtf8(2, _owner.Json.WriteUtf8(node.Properties)).Bind(3, live).Execute();
            }

            _nodeIds.Set(hash, id);
            _owner.NodeIds.Set(node.Ref, id);
            _owner.Rows.AddNode(id);
        }

        return added;
    }

    /// <summary>
    /// A node the cache does not know: find its row (staged, then merged) and merge into it, or stage it. A staged node is
    /// found by id: the staged rows are outside the (kind, key) index.
    /// </summary>
    private long InsertOrMergeNode(NodeRecord node, UInt128 hash, ref int added)
    {
        var graph = _owner.Graph;
        var staged = _owner.Staged;
        var kind = (long)node.Kind;
        var found = staged.TryGet(hash, out var stagedId)
            ? graph.FindNodeById.Bind(0, stagedId)
            : graph.FindNode.Bind(0, kind).Bind(1, node.Key);
        if (!found.TryExecuteRow(out var id, out var hasName, out var stored))
        {
            if (staged.Full)
            {
                staged.Merge();
            }

            var inserted = graph.InsertNode.Bind(0, kind).Bind(1, node.Key).Bind(2, node.Name).BindUtf8(3, _owner.Json.WriteUtf8(node.Properties)).ExecuteInsert()!.Value;
            staged.Add(hash, inserted);
            added++;
            _firstNewNode = Math.Min(_firstNewNode, inserted);
            _owner.Nodes.Set(hash, new CachedRow(inserted, _owner.Keys.Of(node.Properties), node.Name is not null));
            return inserted;
        }

        var keys = _owner.Keys.OfJson(stored ?? PropertyJson.Empty);
        if ((hasName == 0 && node.Name is not null) || !keys.Covers(node.Properties))
        {
            graph.MergeNode.Bind(0, id).Bind(1, node.Name).BindUtf8(2, _owner.Json.WriteUtf8(node.Properties)).Execute();
        }

        _owner.Nodes.Set(hash, new CachedRow(id, _owner.Keys.Union(keys, node.Properties), hasName != 0 || node.Name is not null));
        return id;
    }

    private int WriteEdges(IReadOnlyList<EdgeRecord> records)
    {
        var graph = _owner.Graph;
        var cache = _owner.Edges;
        var added = 0;

        // Readers emit a node's edges together (a dependency list, a component's hashes), so the from end
        // is usually the previous edge's, as the same string: that skips hashing its key and two lookups
        // (its id, and its run of cached edges).
        string? lastFromKey = null;
        var lastFromKind = NodeKind.Package;
        var run = default(EdgeRowCache.Run);
        foreach (var edge in SpanOf(records))
        {
            if (!ReferenceEquals(edge.From.Key, lastFromKey) || edge.From.Kind != lastFromKind)
            {
                (lastFromKey, lastFromKind) = (edge.From.Key, edge.From.Kind);

                // Even for a node this document inserted: its edges come in more than one group (a component's
                // own, then its dependencies), and the run must keep the earlier group's.
                run = cache.RunOf(NodeId(edge.From));
            }

            var key = new EdgeKey((long)edge.Kind, run.From, NodeId(edge.To));
            long id;
            if (key.From >= _firstNewNode && edge.From.Kind == NodeKind.Image)
            {
                // A new image's own edge (its contents): none is stored yet, so it is inserted in batches without a lookup.
                // None is cached either: only a document about that same image asserts them again, and at ~1,000 an SBOM
                // they would push out the dependency edges every image shares.
                _imageEdges[_imageEdgeCount++] = (edge, key);
                if (_imageEdgeCount == GraphStatements.EdgesPerInsert)
                {
                    added += InsertImageEdges();
                }

                continue;
            }

            // An end this document inserted makes the edge new (or this document's own, again): no cache lookup.
            if (key.From < _firstNewNode && key.To < _firstNewNode && cache.TryGet(run, key.Kind, key.To, out var row))
            {
                id = row.Id;
                if (!row.Keys.Covers(edge.Properties))
                {
                    graph.MergeEdge.Bind(0, id).BindUtf8(1, _owner.Json.WriteUtf8(edge.Properties)).Execute();
                    cache.Set(ref run, key.Kind, key.To, new CachedRow(id, _owner.Keys.Union(row.Keys, edge.Properties), false));
                }
            }
            else
            {
                id = InsertOrMergeEdge(edge, key, ref added, ref run, admit: true);
            }

            _owner.Rows.AddEdge(id);
        }

        // The last part batch one by one.
        for (var i = 0; i < _imageEdgeCount; i++)
        {
            var (edge, key) = _imageEdges[i];
            _owner.Rows.AddEdge(InsertOrMergeEdge(edge, key, ref added, ref run, admit: false));
        }

        _imageEdgeCount = 0;
        return added;
    }

    /// <summary>
    /// Inserts the batch of a new image's own edges in one statement; returns how many rows it added. Rowids are given
    /// in order, each one past the largest, so the batch's ids end at the last one inserted. A batch that met a stored
    /// edge (this image's edge again, from an earlier chunk of the same document) inserted fewer: then every edge of it
    /// is looked up (and merged) as a conflicting single insert is.
    /// </summary>
    private int InsertImageEdges()
    {
        var insert = _owner.Graph.InsertEdges;
        for (var i = 0; i < _imageEdgeCount; i++)
        {
            var (edge, key) = _imageEdges[i];
            insert.Bind(4 * i, key.Kind).Bind((4 * i) + 1, key.From).Bind((4 * i) + 2, key.To).BindUtf8((4 * i) + 3, _owner.Json.WriteUtf8(edge.Properties));
        }

        var inserted = insert.Execute();
        if (inserted == _imageEdgeCount)
        {
            var first = insert.LastInsertRowId() - inserted + 1;
            for (var i = 0; i < inserted; i++)
            {
                _owner.Rows.AddEdge(first + i);
            }
        }
        else
        {
            for (var i = 0; i < _imageEdgeCount; i++)
            {
                var (edge, key) = _imageEdges[i];
                _owner.Rows.AddEdge(MergeStoredEdge(edge, key, out _));
            }
        }

        _imageEdgeCount = 0;
        return inserted;
    }

    private long InsertOrMergeEdge(EdgeRecord edge, EdgeKey key, ref int added, ref EdgeRowCache.Run run, bool admit)
    {
        var graph = _owner.Graph;
        if (graph.InsertEdge.Bind(0, key.Kind).Bind(1, key.From).Bind(2, key.To).BindUtf8(3, _owner.Json.WriteUtf8(edge.Properties)).ExecuteInsert() is { } inserted)
        {
            added++;
            if (admit)
            {
                _owner.Edges.Set(ref run, key.Kind, key.To, new CachedRow(inserted, _owner.Keys.Of(edge.Properties), false));
            }

            return inserted;
        }

        var id = MergeStoredEdge(edge, key, out var keys);
        if (admit)
        {
            _owner.Edges.Set(ref run, key.Kind, key.To, new CachedRow(id, _owner.Keys.Union(keys, edge.Properties), false));
        }

        return id;
    }

    /// <summary>The stored edge's id, its properties merged with the record's; <paramref name="keys"/>: the keys it held.</summary>
    private long MergeStoredEdge(EdgeRecord edge, EdgeKey key, out PropertyKeys keys)
    {
        var graph = _owner.Graph;
        if (!graph.FindEdge.Bind(0, key.Kind).Bind(1, key.From).Bind(2, key.To).TryExecuteRow(out var id, out _, out var stored))
        {
            throw new InvalidOperationException($"Edge {edge.Kind.ToWireName()} {edge.From} -> {edge.To} conflicted on insert but was not found.");
        }

        keys = _owner.Keys.OfJson(stored ?? PropertyJson.Empty);
        if (!keys.Covers(edge.Properties))
        {
            graph.MergeEdge.Bind(0, id).BindUtf8(1, _owner.Json.WriteUtf8(edge.Properties)).Execute();
        }

        return id;
    }

    /// <summary>
    /// The records as a span: the batch builder hands out lists and the read-ahead recorder arrays, and going through
    /// the interface cost two dispatched calls a record (~1.5% of the committing thread).
    /// </summary>
    private static ReadOnlySpan<T> SpanOf<T>(IReadOnlyList<T> records) => records switch
    {
        T[] array => array,
        List<T> list => CollectionsMarshal.AsSpan(list),
        _ => records.ToArray(),
    };

    private long NodeId(NodeRef node)
    {
        if (_owner.NodeIds.TryGet(node, out var known))
        {
            return known;
        }

        // Remembered under this end's string too: the edges naming a node (a license, a popular dependency) usually
        // carry one string, and after the first of them the rest are found without hashing.
        var id = HashedNodeId(node);
        _owner.NodeIds.Set(node, id);
        return id;
    }

    private long HashedNodeId(NodeRef node)
    {
        var hash = NodeHash.Of(node);
        ref var kept = ref _nodeIds.Find(hash);
        if (!Unsafe.IsNullRef(ref kept))
        {
            return kept;
        }

        if (_owner.Nodes.TryGet(hash, out var row))
        {
            return row.Id;
        }

        if (_owner.Staged.TryGet(hash, out var staged))
        {
            return staged;
        }

        return _owner.Graph.FindNode.Bind(0, (long)node.Kind).Bind(1, node.Key).TryExecuteRow(out var found, out _, out _)
            ? found
            : throw new InvalidOperationException($"Edge end {node} was not written in this document.");
    }
}
