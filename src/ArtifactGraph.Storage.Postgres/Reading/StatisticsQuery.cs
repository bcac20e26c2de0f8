using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Reading;

/// <summary>Counts documents, nodes per kind and edges per kind; kinds without rows are absent.</summary>
internal static class StatisticsQuery
{
    public static StoreStatistics Read(NpgsqlConnection connection)
    {
        // One snapshot for the three counts.
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        long documents;
        using (var command = new NpgsqlCommand("SELECT count(*) FROM documents;", connection, transaction))
        {
            documents = (long)command.ExecuteScalar()!;
        }

        var nodes = CountByKind(connection, transaction, "SELECT kind, count(*) FROM nodes GROUP BY kind;", k => (NodeKind)k);
        var edges = CountByKind(connection, transaction, "SELECT kind, count(*) FROM edges GROUP BY kind;", k => (EdgeKind)k);
        transaction.Commit();
        return new StoreStatistics(documents, nodes, edges);
    }

    private static Dictionary<TKind, long> CountByKind<TKind>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Func<int, TKind> toKind)
        where TKind : struct, Enum
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        var counts = new Dictionary<TKind, long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[toKind(reader.GetInt32(0))] = reader.GetInt64(1);
        }

        return counts;
    }
}
