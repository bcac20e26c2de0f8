using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
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

        using (var edges = connection.CreateCommand())
        {
            edges.Transaction = transaction;
            edges.CommandText = EdgeQuery(connection, transaction, asOf);
            if (asOf is { } time)
            {
                edges.Parameters.AddWithValue("$as_of", SqliteTimestamps.FormatSortable(time));
            }

            using var reader = edges.ExecuteReader();
            while (reader.Read())
            {
                sink.OnEdge(reader.GetInt64(0), reader.GetInt64(1), (EdgeKind)reader.GetInt64(2));
            }
        }

        transaction.Commit();
    }

    private static string EdgeQuery(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset? asOf)
    {
        if (asOf is not null)
        {
            return $"""
                WITH live(id) AS ({LiveAsOf})
                SELECT e.from_id, e.to_id, e.kind FROM edges e
                WHERE EXISTS (SELECT 1 FROM edge_documents ed WHERE ed.edge_id = e.id AND ed.document_id IN (SELECT id FROM live))
                ORDER BY e.id;
                """;
        }

        // The common case, nothing ever superseded, skips the per-edge provenance check entirely.
        using var any = connection.CreateCommand();
        any.Transaction = transaction;
        any.CommandText = "SELECT EXISTS (SELECT 1 FROM documents WHERE superseded_by IS NOT NULL);";
        if ((long)any.ExecuteScalar()! == 0)
        {
            return "SELECT from_id, to_id, kind FROM edges ORDER BY id;";
        }

        return """
            SELECT e.from_id, e.to_id, e.kind FROM edges e
            WHERE EXISTS (SELECT 1 FROM edge_documents ed JOIN documents d ON d.id = ed.document_id
                          WHERE ed.edge_id = e.id AND d.superseded_by IS NULL)
            ORDER BY e.id;
            """;
    }
}
