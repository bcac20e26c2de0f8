using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ArtifactGraph.Storage.Sqlite.Tests;

/// <summary>A private temporary directory holding database files; deleted (with -wal/-shm files) on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("artifactgraph-sqlite-").FullName;
    private int _next;

    public string NewPath() => Path.Combine(_directory, $"store{Interlocked.Increment(ref _next)}.db");

    public static SqliteGraphStore Open(string path, TimeProvider? time = null) =>
        SqliteGraphStore.Open(new SqliteStoreOptions { Path = path }, time ?? new FakeTimeProvider());

    /// <summary>A direct connection for inspecting what the store wrote; not pooled so it never holds the file.</summary>
    public static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The steps of <c>EXPLAIN QUERY PLAN</c> for <paramref name="sql"/> (its detail column), in order.</summary>
    public static List<string> QueryPlan(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    public static T Scalar<T>(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
