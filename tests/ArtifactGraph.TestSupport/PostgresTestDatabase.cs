using Npgsql;

namespace ArtifactGraph.TestSupport;

/// <summary>
/// A fresh database on the PostgreSQL server named by ARTIFACTGRAPH_POSTGRES (a connection string), dropped
/// on dispose. .ci/run starts a server and sets the variable (scripts/postgres-dev.sh does the same for a
/// developer); a missing server is a failure, never a silent skip, so a run without it cannot look green.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    public const string Variable = "ARTIFACTGRAPH_POSTGRES";

    private readonly string _serverConnectionString;
    private int _nextSchema;

    public PostgresTestDatabase()
    {
        _serverConnectionString = ServerConnectionString;
        Name = "agtest_" + Guid.NewGuid().ToString("N")[..16];
        Execute(_serverConnectionString, $"CREATE DATABASE {Name};");
        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = Name }.ToString();
    }

    /// <summary>The server to test against, from ARTIFACTGRAPH_POSTGRES.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. The PostgreSQL tests need a server: run `eval \"$(scripts/postgres-dev.sh start)\"` " +
                "(or set it to a connection string such as Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres).");

    public string Name { get; }

    /// <summary>Connects to this test database.</summary>
    public string ConnectionString { get; }

    /// <summary>A schema name not used before in this database (for one store each).</summary>
    public string NewSchema() => $"store{Interlocked.Increment(ref _nextSchema)}";

    /// <summary>A scalar from this database, with <paramref name="schema"/> as the search path.</summary>
    public T Scalar<T>(string schema, string sql, params object[] parameters)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema, Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(_serverConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE);");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
