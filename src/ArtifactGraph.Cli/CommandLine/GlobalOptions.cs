namespace ArtifactGraph.Cli.CommandLine;

/// <summary>Options every command accepts (DESIGN.md §6).</summary>
internal static class GlobalOptions
{
    public const string PostgresVariable = "ARTIFACTGRAPH_POSTGRES";

    public static readonly string[] Values = ["--db", "--postgres"];

    public static readonly string[] Flags = ["--json", "--verbose"];

    /// <summary>--db, else ARTIFACTGRAPH_DB, else ./artifactgraph.db.</summary>
    public static string DatabasePath(CommandArgs args)
    {
        if (args.Value("--db") is { Length: > 0 } db)
        {
            return db;
        }

        var env = Environment.GetEnvironmentVariable("ARTIFACTGRAPH_DB");
        return string.IsNullOrEmpty(env) ? "artifactgraph.db" : env;
    }

    /// <summary>
    /// The PostgreSQL connection string when the PostgreSQL store is chosen, else null (SQLite). Explicit
    /// options win over the environment: --postgres, then --db (SQLite), then ARTIFACTGRAPH_POSTGRES.
    /// </summary>
    public static string? PostgresConnectionString(CommandArgs args) =>
        PostgresConnectionString(args, Environment.GetEnvironmentVariable(PostgresVariable));

    /// <summary>As <see cref="PostgresConnectionString(CommandArgs)"/>, with the variable's value given.</summary>
    public static string? PostgresConnectionString(CommandArgs args, string? environment)
    {
        var postgres = args.Value("--postgres");
        if (postgres is not null && args.Value("--db") is not null)
        {
            throw new UsageException("--db and --postgres choose different stores; give one of them");
        }

        if (postgres is not null)
        {
            return postgres.Length > 0 ? postgres : throw new UsageException("--postgres needs a connection string");
        }

        if (args.Value("--db") is not null)
        {
            return null;
        }

        return string.IsNullOrEmpty(environment) ? null : environment;
    }
}
