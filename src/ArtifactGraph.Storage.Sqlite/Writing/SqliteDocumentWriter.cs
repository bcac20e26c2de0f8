using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// One document's open transaction. The document row is written first (its facts are filled in by
/// <see cref="Complete"/>, when the reader has finished), so chunks can record provenance as they go.
/// Node ids are cached for the whole document: a later chunk's edges name nodes of earlier chunks.
/// </summary>
internal sealed class SqliteDocumentWriter : IDocumentWriter
{
    private const string IngestOperation = "ingest";

    private readonly CommitWriter _owner;
    private readonly SqliteTransaction _transaction;
    private readonly DateTimeOffset _ingestedAt;
    private readonly Action _release;
    private readonly Dictionary<NodeRef, long> _nodeIds = [];
    private readonly long _documentId;
    private readonly long _existingSequence;
    private int _nodesAdded;
    private int _edgesAdded;
    private bool _done;

    public SqliteDocumentWriter(CommitWriter owner, SqliteTransaction transaction, string sha256, int byteSize, byte[] encoded, string encoding, DateTimeOffset ingestedAt, Action release)
    {
        _owner = owner;
        _transaction = transaction;
        _ingestedAt = ingestedAt;
        _release = release;
        if (owner.Documents.Find.Bind(0, sha256).TryExecutePair(out var existingId, out var existingSequence))
        {
            AlreadyPresent = true;
            _documentId = existingId;
            _existingSequence = existingSequence;
            return;
        }

        var at = SqliteTimestamps.Format(ingestedAt);
        _documentId = owner.Documents.Insert
            .Bind(0, sha256)
            .Bind(1, string.Empty)
            .BindNull(2)
            .Bind(3, string.Empty)
            .BindNull(4)
            .BindNull(5)
            .BindNull(6)
            .Bind(7, at)
            .Bind(8, (long)byteSize)
            .Bind(9, encoded)
            .Bind(10, encoding)
            .Bind(11, "{}")
            .Bind(12, SqliteTimestamps.FormatSortable(ingestedAt))
            .ExecuteInt64()!.Value;
        owner.FaultInjection?.Invoke(CommitStage.DocumentWritten);
    }

    public bool AlreadyPresent { get; }

    public void Write(IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges)
    {
        if (AlreadyPresent || _done)
        {
            throw new InvalidOperationException("The document is already stored or finished; nothing may be written.");
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
        var documents = _owner.Documents;
        var document = batch.Document;
        documents.Describe
            .Bind(0, document.Format)
            .Bind(1, document.SpecVersion)
            .Bind(2, document.Name)
            .Bind(3, document.Subject is { } s ? (long)s.Kind : null)
            .Bind(4, document.Subject?.Key)
            .Bind(5, document.CreatedAt is { } created ? SqliteTimestamps.Format(created) : null)
            .Bind(6, SqliteTimestamps.FormatSortable(document.CreatedAt ?? _ingestedAt))
            .Bind(7, _owner.Json.Write(document.Properties))
            .Bind(8, _documentId)
            .Execute();
        var sequence = documents.InsertChange.Bind(0, _documentId).Bind(1, IngestOperation).Bind(2, SqliteTimestamps.Format(_ingestedAt)).ExecuteInt64()!.Value;
        documents.SetSequence.Bind(0, sequence).Bind(1, _documentId).Execute();
        var supersession = document.Subject is { } subject && DecideCurrent(subject);
        _transaction.Commit();
        _done = true;
        return new CommitResult(false, sequence, _documentId, _nodesAdded, _edgesAdded, supersession);
    }

    public void Dispose()
    {
        try
        {
            if (!_done)
            {
                _transaction.Rollback();
            }

            _transaction.Dispose();
        }
        finally
        {
            _release();
        }
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

    private int WriteNodes(IReadOnlyList<NodeRecord> nodes)
    {
        var graph = _owner.Graph;
        var added = 0;
        foreach (var node in nodes)
        {
            var kind = (long)node.Kind;
            var properties = _owner.Json.Write(node.Properties);
            var id = graph.InsertNode.Bind(0, kind).Bind(1, node.Key).Bind(2, node.Name).Bind(3, properties).ExecuteInsert();
            if (id is null)
            {
                id = graph.FindNode.Bind(0, kind).Bind(1, node.Key).ExecuteInt64()
                    ?? throw new InvalidOperationException($"Node {node.Ref} conflicted on insert but was not found.");
                if (node.Name is not null || node.Properties.Count > 0)
                {
                    graph.MergeNode.Bind(0, id).Bind(1, node.Name).Bind(2, properties).Execute();
                }
            }
            else
            {
                added++;
            }

            _nodeIds[node.Ref] = id.Value;
            graph.InsertNodeDocument.Bind(0, id).Bind(1, _documentId).Execute();
        }

        return added;
    }

    private int WriteEdges(IReadOnlyList<EdgeRecord> edges)
    {
        var graph = _owner.Graph;
        var added = 0;
        foreach (var edge in edges)
        {
            var kind = (long)edge.Kind;
            var from = NodeId(edge.From);
            var to = NodeId(edge.To);
            var properties = _owner.Json.Write(edge.Properties);
            var id = graph.InsertEdge.Bind(0, kind).Bind(1, from).Bind(2, to).Bind(3, properties).ExecuteInsert();
            if (id is null)
            {
                id = graph.FindEdge.Bind(0, kind).Bind(1, from).Bind(2, to).ExecuteInt64()
                    ?? throw new InvalidOperationException($"Edge {edge.Kind.ToWireName()} {edge.From} -> {edge.To} conflicted on insert but was not found.");
                if (edge.Properties.Count > 0)
                {
                    graph.MergeEdge.Bind(0, id).Bind(1, properties).Execute();
                }
            }
            else
            {
                added++;
            }

            graph.InsertEdgeDocument.Bind(0, id).Bind(1, _documentId).Execute();
        }

        return added;
    }

    private long NodeId(NodeRef node) => _nodeIds.TryGetValue(node, out var id)
        ? id
        : throw new InvalidOperationException($"Edge end {node} was not written in this document.");
}
