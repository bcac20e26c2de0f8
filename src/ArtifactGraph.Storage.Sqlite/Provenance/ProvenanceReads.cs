using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>The two tables a provenance question can be asked of.</summary>
internal enum ProvenanceRows
{
    Edges,
    Nodes,
}

/// <summary>
/// Answers "which documents assert this row" from the merged segments plus the staged documents
/// (<see cref="ProvenanceMerger"/>), inside the caller's read transaction: under WAL both parts then come
/// from one snapshot, so a merge committing in between cannot hide or repeat a document.
/// </summary>
internal static class ProvenanceReads
{
    /// <summary>The staged part: documents past the watermark, with one of their id lists.</summary>
    private const string StagedWhere = "FROM document_rows WHERE document_id > (SELECT merged_through FROM provenance_merge WHERE id = 1)";

    /// <summary>The ids of the documents asserting the row, merged first, in no particular order.</summary>
    public static List<long> DocumentIds(SqliteConnection connection, SqliteTransaction transaction, ProvenanceRows rows, long rowId)
    {
        var (table, list) = rows == ProvenanceRows.Edges
            ? (PostingBlock.EdgeTable, "edge_ids")
            : (PostingBlock.NodeTable, "node_ids");
        var ids = new List<long>();
        using (var merged = connection.CreateCommand())
        {
            // The row's block in every segment: one key lookup each.
            merged.Transaction = transaction;
            merged.CommandText = $"SELECT postings FROM {table} WHERE key IN (SELECT {PostingBlock.KeySql("id", "$block")} FROM provenance_segments);";
            merged.Parameters.AddWithValue("$block", PostingBlock.BlockOf(rowId));
            using var reader = merged.ExecuteReader();
            while (reader.Read())
            {
                PostingBlock.DocumentsOf(reader.GetFieldValue<byte[]>(0), rowId, ids);
            }
        }

        // Bounded by SqliteStoreOptions.ProvenanceMergeMaxIds: the staged lists are merged before they hold more ids.
        using var staged = connection.CreateCommand();
        staged.Transaction = transaction;
        staged.CommandText = $"SELECT document_id, {list} {StagedWhere};";
        using var stagedReader = staged.ExecuteReader();
        while (stagedReader.Read())
        {
            if (RowIdList.Contains(stagedReader.GetFieldValue<byte[]>(1), rowId))
            {
                ids.Add(stagedReader.GetInt64(0));
            }
        }

        return ids;
    }
}
