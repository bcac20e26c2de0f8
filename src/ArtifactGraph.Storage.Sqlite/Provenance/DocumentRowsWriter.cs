using ArtifactGraph.Storage.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// Collects the current document's edge and node ids over its chunks and writes them as ONE
/// <c>document_rows</c> row in the document's transaction (migration 005). This replaces one
/// <c>edge_documents</c> / <c>node_documents</c> row per (row, document) at commit: those B-trees are keyed by
/// row id, so each document dirtied pages all over them (about half the commit's CPU, docs/BENCHMARKS.md).
/// Memory: 8 bytes per row of the document until it commits (a 250 MB SBOM's ~2M rows: ~16 MB).
/// </summary>
internal sealed class DocumentRowsWriter : IDisposable
{
    private const int LargeIds = 1 << 20;

    private readonly Statement _insert;
    private long[] _edges = new long[1024];
    private long[] _nodes = new long[1024];
    private byte[] _buffer = new byte[16 * 1024];
    private int _edgeCount;
    private int _nodeCount;

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
        _edgeCount = 0;
        _nodeCount = 0;

        // One very large document must not keep its buffers alive for the rest of the run.
        if (_edges.Length > LargeIds || _nodes.Length > LargeIds)
        {
            _edges = new long[1024];
            _nodes = new long[1024];
            _buffer = new byte[16 * 1024];
        }
    }

    public void AddEdge(long id) => Append(ref _edges, ref _edgeCount, id);

    public void AddNode(long id) => Append(ref _nodes, ref _nodeCount, id);

    /// <summary>Writes the document's row (its ids sorted and distinct); returns how many ids it holds.</summary>
    public long Write(long documentId)
    {
        var edges = RowIdList.SortDistinct(_edges.AsSpan(0, _edgeCount));
        var nodes = RowIdList.SortDistinct(_nodes.AsSpan(0, _nodeCount));
        var needed = RowIdList.MaxEncodedLength(edges) + RowIdList.MaxEncodedLength(nodes);
        if (needed > _buffer.Length)
        {
            _buffer = new byte[Math.Max(needed, _buffer.Length * 2)];
        }

        var edgeBytes = RowIdList.Encode(_edges.AsSpan(0, edges), _buffer);
        var nodeBytes = RowIdList.Encode(_nodes.AsSpan(0, nodes), _buffer.AsSpan(edgeBytes));
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

    private static void Append(ref long[] ids, ref int count, long id)
    {
        if (count == ids.Length)
        {
            Array.Resize(ref ids, ids.Length * 2);
        }

        ids[count++] = id;
    }
}
