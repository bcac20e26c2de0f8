using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Reading;

/// <summary>Counts documents, nodes per kind and edges per kind; kinds without rows are absent.</summary>
internal static class StatisticsQuery
{
    public static StoreStatistics Read(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var documents = Count(connection, transaction, "SELECT count(*) FROM documents;");
        var nodes = CountByKind(connection, transaction, "SELECT kind, count(*) FROM nodes GROUP BY kind;", k => (NodeKind)k);
        var edges = CountByKind(connection, transaction, "SELECT kind, count(*) FROM edges GROUP BY kind;", k => (EdgeKind)k);
        transaction.Commit();
        return new StoreStatistics(documents, nodes, edges);
    }

    private static long Count(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static Dictionary<TKind, long> CountByKind<TKind>(SqliteConnection connection, SqliteTransaction transaction, string sql, Func<long, TKind> toKind)
        where TKind : struct, Enum
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var counts = new Dictionary<TKind, long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[toKind(reader.GetInt64(0))] = reader.GetInt64(1);
        }

        return counts;
    }
}
