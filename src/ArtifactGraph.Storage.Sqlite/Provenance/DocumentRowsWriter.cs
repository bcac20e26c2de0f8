using ArtifactGraph.Storage.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// Collects the current document's edge and node ids over its chunks and writes them as ONE
/// <c>document_rows</c> row in the document's transaction (migration 005). This replaces one
/// <c>edge_documents</c> / <c>node_documents</c> row per (row, document) at commit: those B-trees are keyed by
/// row id, so each document dirtied pages all over them (about half the commit's CPU, docs/BENCHMARKS-HISTORY.md).
/// Memory: 8 bytes per row of a small document, a bit per row id of a large one (<see cref="RowIdCollector"/>).
/// </summary>
internal sealed class DocumentRowsWriter : IDisposable
{
    /// <summary>The encoding buffer kept for the next document at most.</summary>
    private const int LargeBuffer = 1 << 20;

    private readonly Statement _insert;
    private readonly RowIdCollector _edges = new();
    private readonly RowIdCollector _nodes = new();
    private byte[] _buffer = new byte[16 * 1024];

    public DocumentRowsWriter(SqliteConnection connection)
    {
        _insert = new Statement(
            connection,
            "INSERT INTO document_rows (document_id, edge_count, node_count, edge_ids, node_ids) VALUES ($document_id, $edge_count, $node_count, $edge_ids, $node_ids);",
            "$document_id",
            "$edge_count",
            "$node_count",
            "$edge_ids",
            "$node_ids");
    }

    /// <summary>Forgets the previous document's ids (it may have rolled back before writing them).</summary>
    public void StartDocument()
    {
        _edges.Clear();
        _nodes.Clear();

        // One very large document must not keep its buffer alive for the rest of the run.
        if (_buffer.Length > LargeBuffer)
        {
            _buffer = new byte[16 * 1024];
        }
    }

    public void AddEdge(long id) => _edges.Add(id);

    public void AddNode(long id) => _nodes.Add(id);

    /// <summary>Writes the document's row (its ids sorted and distinct); returns how many ids it holds.</summary>
    public long Write(long documentId)
    {
        var edges = _edges.Complete();
        var nodes = _nodes.Complete();
        var needed = _edges.MaxEncodedLength() + _nodes.MaxEncodedLength();
        if (needed > _buffer.Length)
        {
            _buffer = new byte[Math.Max(needed, _buffer.Length * 2)];
        }

        var edgeBytes = _edges.Encode(_buffer);
        var nodeBytes = _nodes.Encode(_buffer.AsSpan(edgeBytes));
        _insert
            .Bind(0, documentId)
            .Bind(1, (long)edges)
            .Bind(2, (long)nodes)
            .BindBlob(3, _buffer.AsSpan(0, edgeBytes))
            .BindBlob(4, _buffer.AsSpan(edgeBytes, nodeBytes))
            .Execute();
        StartDocument();
        return edges + (long)nodes;
    }

    public void Dispose() => _insert.Dispose();
}
