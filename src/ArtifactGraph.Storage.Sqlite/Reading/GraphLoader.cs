using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Storage.Sqlite.Provenance;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Reading;

/// <summary>
/// Streams the graph to a sink with forward-only readers, nodes first, from one snapshot. Edges are
/// sent only when a current document asserts them (now, or as of a time).
/// </summary>
internal static class GraphLoader
{
    /// <summary>The documents current as of $as_of: effective by then, and the latest for their subject among those.</summary>
    internal const string LiveAsOf =
        """
        SELECT d.id FROM documents d
        WHERE d.effective_at <= $as_of
          AND (d.subject_key IS NULL OR NOT EXISTS (
                SELECT 1 FROM documents n
                WHERE n.subject_kind = d.subject_kind AND n.subject_key = d.subject_key AND n.effective_at <= $as_of
                  AND (n.effective_at > d.effective_at OR (n.effective_at = d.effective_at AND n.id > d.id))))
        """;

    public static void Load(SqliteConnection connection, IGraphLoadSink sink, DateTimeOffset? asOf)
    {
        // One read transaction: under WAL it pins a snapshot, so no edge arrives whose node was not loaded.
        using var transaction = connection.BeginTransaction(deferred: true);

        using (var nodes = connection.CreateCommand())
        {
            nodes.Transaction = transaction;
            nodes.CommandText = "SELECT id, kind, key, name FROM nodes ORDER BY id;";
            using var reader = nodes.ExecuteReader();
            while (reader.Read())
            {
                sink.OnNode(reader.GetInt64(0), (NodeKind)reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
            }
        }

        var live = LiveEdges(connection, transaction, asOf);
        using (var edges = connection.CreateCommand())
        {
            edges.Transaction = transaction;
            edges.CommandText = "SELECT id, from_id, to_id, kind FROM edges ORDER BY id;";
            using var reader = edges.ExecuteReader();
            while (reader.Read())
            {
                if (live is null || live.Contains(reader.GetInt64(0)))
                {
                    sink.OnEdge(reader.GetInt64(1), reader.GetInt64(2), (EdgeKind)reader.GetInt64(3));
                }
            }
        }

        transaction.Commit();
    }

    /// <summary>
    /// The edges some current document asserts, or null for "every edge". Built from the current documents'
    /// id lists (document_rows, migration 005): one sequential pass over the lists of the documents that count,
    /// instead of a provenance lookup per edge.
    /// </summary>
    private static RowIdSet? LiveEdges(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset? asOf)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (asOf is { } time)
        {
            command.CommandText = $"WITH live(id) AS ({LiveAsOf}) SELECT r.edge_ids FROM document_rows r WHERE r.document_id IN (SELECT id FROM live);";
            command.Parameters.AddWithValue("$as_of", SqliteTimestamps.FormatSortable(time));
        }
        else
        {
            // The common case, nothing ever superseded, skips provenance entirely: every edge counts.
            command.CommandText = "SELECT EXISTS (SELECT 1 FROM documents WHERE superseded_by IS NOT NULL);";
            if ((long)command.ExecuteScalar()! == 0)
            {
                return null;
            }

            command.CommandText = "SELECT r.edge_ids FROM document_rows r JOIN documents d ON d.id = r.document_id WHERE d.superseded_by IS NULL;";
        }

        var live = new RowIdSet();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            live.AddAll(reader.GetFieldValue<byte[]>(0));
        }

        return live;
    }
}
