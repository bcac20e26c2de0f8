using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Reading;

/// <summary>
/// Streams the graph to a sink, nodes first, from one snapshot. Rows are read with binary COPY: the server
/// streams them as fast as the sink takes them and the client never holds the result set (a Tier M graph
/// is ~11.5M edges). Edges are sent only when a current document asserts them (now, or as of a time).
/// </summary>
internal static class GraphLoader
{
    public static void Load(NpgsqlConnection connection, IGraphLoadSink sink, DateTimeOffset? asOf)
    {
        // REPEATABLE READ pins one snapshot for both queries: no edge arrives whose node was not loaded.
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);

        using (var nodes = connection.BeginBinaryExport("COPY (SELECT id, kind, key, name FROM nodes ORDER BY id) TO STDOUT (FORMAT BINARY)"))
        {
            while (nodes.StartRow() >= 0)
            {
                var id = nodes.Read<long>();
                var kind = (NodeKind)nodes.Read<int>();
                var key = nodes.Read<string>();
                var name = nodes.IsNull ? Skip(nodes) : nodes.Read<string>();
                sink.OnNode(id, kind, key, name);
            }
        }

        using (var edges = connection.BeginBinaryExport($"COPY ({EdgeQuery(connection, transaction, asOf)}) TO STDOUT (FORMAT BINARY)"))
        {
            while (edges.StartRow() >= 0)
            {
                var from = edges.Read<long>();
                var to = edges.Read<long>();
                sink.OnEdge(from, to, (EdgeKind)edges.Read<int>());
            }
        }

        transaction.Commit();
    }

    private static string? Skip(NpgsqlBinaryExporter exporter)
    {
        exporter.Skip();
        return null;
    }

    private static string EdgeQuery(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset? asOf)
    {
        if (asOf is { } time)
        {
            // COPY takes no parameters; the as-of time is resolved to the live document ids first, in the
            // same snapshot, and inlined as a literal array of integers (nothing textual is spliced).
            var live = "'{" + string.Join(',', LiveIds(connection, transaction, time)) + "}'::bigint[]";
            return $"""
                SELECT e.from_id, e.to_id, e.kind FROM edges e
                WHERE e.id IN (SELECT unnest(r.edge_ids) FROM document_rows r WHERE r.document_id = ANY ({live}))
                ORDER BY e.id
                """;
        }

        // The common case, nothing ever superseded, skips the per-edge provenance check entirely.
        using var any = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM documents WHERE superseded_by IS NOT NULL);", connection, transaction);
        if (!(bool)any.ExecuteScalar()!)
        {
            return "SELECT from_id, to_id, kind FROM edges ORDER BY id";
        }

        return """
            SELECT e.from_id, e.to_id, e.kind FROM edges e
            WHERE e.id IN (SELECT unnest(r.edge_ids) FROM document_rows r JOIN documents d ON d.id = r.document_id
                           WHERE d.superseded_by IS NULL)
            ORDER BY e.id
            """;
    }

    private static List<long> LiveIds(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset asOf)
    {
        using var command = new NpgsqlCommand(LiveDocuments.AsOf, connection, transaction).WithTime(asOf);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
