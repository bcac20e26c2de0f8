using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// Commits one document per immediate transaction on the store's single writer connection, with
/// statements prepared once and reused for every row. Not thread-safe: the store serializes calls.
/// </summary>
internal sealed class CommitWriter : IDisposable
{
    private const string IngestOperation = "ingest";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _timeProvider;
    private readonly DocumentStatements _documents;
    private readonly GraphStatements _graph;
    private readonly PropertyJson _json = new();

    public CommitWriter(SqliteConnection connection, TimeProvider timeProvider)
    {
        _connection = connection;
        _timeProvider = timeProvider;
        _documents = new DocumentStatements(connection);
        _graph = new GraphStatements(connection);
    }

    /// <summary>Test hook: called at each <see cref="CommitStage"/> inside the transaction; throwing rolls back.</summary>
    public Action<CommitStage>? FaultInjection { get; set; }

    public CommitResult Commit(IngestBatch batch, ReadOnlyMemory<byte> rawBytes)
    {
        // Compress before taking the write lock on the file: it is the slowest per-byte step.
        var (encoded, encoding) = RawCompression.Encode(rawBytes.Span);

        using var transaction = _connection.BeginTransaction(deferred: false);
        try
        {
            var result = CommitInTransaction(batch, rawBytes.Length, encoded, encoding);
            transaction.Commit();
            return result;
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    private CommitResult CommitInTransaction(IngestBatch batch, int byteSize, byte[] encoded, string encoding)
    {
        var document = batch.Document;
        if (_documents.Find.Bind(0, document.Sha256).TryExecutePair(out var existingId, out var existingSequence))
        {
            return new CommitResult(true, existingSequence, existingId, 0, 0);
        }

        var now = _timeProvider.GetUtcNow();
        var at = SqliteTimestamps.Format(now);
        var documentId = InsertDocument(document, byteSize, encoded, encoding, now);
        FaultInjection?.Invoke(CommitStage.DocumentWritten);

        var nodeIds = new Dictionary<NodeRef, long>(batch.Nodes.Count);
        var nodesAdded = WriteNodes(batch.Nodes, documentId, nodeIds);
        FaultInjection?.Invoke(CommitStage.NodesWritten);

        var edgesAdded = WriteEdges(batch.Edges, documentId, nodeIds);
        FaultInjection?.Invoke(CommitStage.EdgesWritten);

        var sequence = _documents.InsertChange.Bind(0, documentId).Bind(1, IngestOperation).Bind(2, at).ExecuteInt64()!.Value;
        _documents.SetSequence.Bind(0, sequence).Bind(1, documentId).Execute();
        var supersession = document.Subject is { } subject && DecideCurrent(subject);
        return new CommitResult(false, sequence, documentId, nodesAdded, edgesAdded, supersession);
    }

    /// <summary>Marks the latest document about <paramref name="subject"/> current and the others superseded.</summary>
    private bool DecideCurrent(NodeRef subject)
    {
        var kind = (long)subject.Kind;
        if (_documents.SubjectCount.Bind(0, kind).Bind(1, subject.Key).ExecuteInt64() is not > 1)
        {
            return false;
        }

        _documents.Supersede.Bind(0, kind).Bind(1, subject.Key).Execute();
        return true;
    }

    private long InsertDocument(DocumentInfo document, int byteSize, byte[] encoded, string encoding, DateTimeOffset ingestedAt)
    {
        var subject = document.Subject;
        return _documents.Insert
            .Bind(0, document.Sha256)
            .Bind(1, document.Format)
            .Bind(2, document.SpecVersion)
            .Bind(3, document.Name)
            .Bind(4, subject is { } s ? (long)s.Kind : (long?)null)
            .Bind(5, subject?.Key)
            .Bind(6, document.CreatedAt is { } created ? SqliteTimestamps.Format(created) : null)
            .Bind(7, SqliteTimestamps.Format(ingestedAt))
            .Bind(8, (long)byteSize)
            .Bind(9, encoded)
            .Bind(10, encoding)
            .Bind(11, _json.Write(document.Properties))
            .Bind(12, SqliteTimestamps.FormatSortable(document.CreatedAt ?? ingestedAt))
            .ExecuteInt64()!.Value;
    }

    private int WriteNodes(IReadOnlyList<NodeRecord> nodes, long documentId, Dictionary<NodeRef, long> nodeIds)
    {
        var added = 0;
        foreach (var node in nodes)
        {
            var kind = (long)node.Kind;
            var properties = _json.Write(node.Properties);
            var id = _graph.InsertNode.Bind(0, kind).Bind(1, node.Key).Bind(2, node.Name).Bind(3, properties).ExecuteInsert();
            if (id is null)
            {
                id = _graph.FindNode.Bind(0, kind).Bind(1, node.Key).ExecuteInt64()
                    ?? throw new InvalidOperationException($"Node {node.Ref} conflicted on insert but was not found.");
                if (node.Name is not null || node.Properties.Count > 0)
                {
                    _graph.MergeNode.Bind(0, id).Bind(1, node.Name).Bind(2, properties).Execute();
                }
            }
            else
            {
                added++;
            }

            nodeIds[node.Ref] = id.Value;
            _graph.InsertNodeDocument.Bind(0, id).Bind(1, documentId).Execute();
        }

        return added;
    }

    private int WriteEdges(IReadOnlyList<EdgeRecord> edges, long documentId, Dictionary<NodeRef, long> nodeIds)
    {
        var added = 0;
        foreach (var edge in edges)
        {
            var kind = (long)edge.Kind;
            var from = nodeIds[edge.From];
            var to = nodeIds[edge.To];
            var properties = _json.Write(edge.Properties);
            var id = _graph.InsertEdge.Bind(0, kind).Bind(1, from).Bind(2, to).Bind(3, properties).ExecuteInsert();
            if (id is null)
            {
                id = _graph.FindEdge.Bind(0, kind).Bind(1, from).Bind(2, to).ExecuteInt64()
                    ?? throw new InvalidOperationException($"Edge {edge.Kind.ToWireName()} {edge.From} -> {edge.To} conflicted on insert but was not found.");
                if (edge.Properties.Count > 0)
                {
                    _graph.MergeEdge.Bind(0, id).Bind(1, properties).Execute();
                }
            }
            else
            {
                added++;
            }

            _graph.InsertEdgeDocument.Bind(0, id).Bind(1, documentId).Execute();
        }

        return added;
    }


    public void Dispose()
    {
        _documents.Dispose();
        _graph.Dispose();
        _json.Dispose();
    }
}
