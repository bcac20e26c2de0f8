using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Reading;

/// <summary>Streams the whole graph to a sink with forward-only readers, nodes first, from one snapshot.</summary>
internal static class GraphLoader
{
    public static void Load(SqliteConnection connection, IGraphLoadSink sink)
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
            edges.CommandText = "SELECT from_id, to_id, kind FROM edges ORDER BY id;";
            using var reader = edges.ExecuteReader();
            while (reader.Read())
            {
                sink.OnEdge(reader.GetInt64(0), reader.GetInt64(1), (EdgeKind)reader.GetInt64(2));
            }
        }

        transaction.Commit();
    }
}
