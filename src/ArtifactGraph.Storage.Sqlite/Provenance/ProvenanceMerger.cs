using ArtifactGraph.Storage.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// Folds the staged documents' id lists (<c>document_rows</c> past <c>provenance_merge.merged_through</c>)
/// into the row-keyed indexes <c>edge_document_blocks</c> / <c>node_document_blocks</c> as one new segment
/// (<see cref="BlockWriter"/>), in one transaction that also advances the watermark, so a reader sees each
/// document either staged or merged, never both or neither. Runs on the writer connection, under the store's
/// write lock.
/// </summary>
internal sealed class ProvenanceMerger(SqliteConnection connection) : IDisposable
{
    private readonly BlockWriter _edges = new(connection, PostingBlock.EdgeTable);
    private readonly BlockWriter _nodes = new(connection, PostingBlock.NodeTable);

    /// <summary>How many ids the merged documents hold (kept by each merge), and how many the staged ones (what <see cref="Merge"/> would write).</summary>
    public (long Merged, long Staged) Ids()
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT m.merged_ids, (SELECT coalesce(sum(edge_count + node_count), 0) FROM document_rows WHERE document_id > m.merged_through)
            FROM provenance_merge AS m WHERE m.id = 1;
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// Merges every staged document, then moves as many pairs of a segment join (<see cref="SegmentCompaction"/>) as it
    /// merged, at least <paramref name="compactionPairs"/>; returns how many documents it merged, and whether a join is
    /// still under way.
    /// </summary>
    public (int Documents, bool Compacting) Merge(long compactionPairs)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var compacting = false;

        // The staged lists are held as stored (about a byte per id: a 250 MB SBOM's ~4.7M ids take ~5 MB) and
        // merged in key order as they are written, so no pair is buffered or sorted (SortedPairs, BlockWriter).
        var edges = new List<StagedList>();
        var nodes = new List<StagedList>();
        var ids = 0L;
        using (var staged = connection.CreateCommand())
        {
            staged.Transaction = transaction;
            staged.CommandText =
                """
                SELECT document_id, edge_ids, node_ids, edge_count + node_count FROM document_rows
                WHERE document_id > (SELECT merged_through FROM provenance_merge WHERE id = 1)
                ORDER BY document_id;
                """;
            using var reader = staged.ExecuteReader();
            while (reader.Read())
            {
                var documentId = reader.GetInt64(0);
                edges.Add(new StagedList(documentId, reader.GetFieldValue<byte[]>(1)));
                nodes.Add(new StagedList(documentId, reader.GetFieldValue<byte[]>(2)));
                ids += reader.GetInt64(3);
            }
        }

        if (edges.Count > 0)
        {
            var segment = Segments.Next(connection, transaction);
            var pairs = _edges.Write(new SortedPairs(edges), segment) + _nodes.Write(new SortedPairs(nodes), segment);
            Segments.Add(connection, transaction, segment, edges[^1].DocumentId, pairs);
            compacting = SegmentCompaction.Step(connection, transaction, [_edges, _nodes], Math.Max(compactionPairs, pairs));

            using var advance = connection.CreateCommand();
            advance.Transaction = transaction;
            advance.CommandText = "UPDATE provenance_merge SET merged_through = $through, merged_ids = merged_ids + $ids WHERE id = 1;";
            advance.Parameters.AddWithValue("$through", edges[^1].DocumentId);
            advance.Parameters.AddWithValue("$ids", ids);
            advance.ExecuteNonQuery();
        }

        transaction.Commit();
        return (edges.Count, compacting);
    }

    /// <summary>Moves about <paramref name="pairs"/> pairs of the segment join under way, in a transaction of its own; returns whether one still is.</summary>
    public bool Compact(long pairs)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var compacting = SegmentCompaction.Step(connection, transaction, [_edges, _nodes], pairs);
        transaction.Commit();
        return compacting;
    }

    /// <summary>Whether a segment join is under way (read once when the store opens).</summary>
    public bool Compacting() => SegmentCompaction.IsPending(connection, null);

    public void Dispose()
    {
        _edges.Dispose();
        _nodes.Dispose();
    }
}
