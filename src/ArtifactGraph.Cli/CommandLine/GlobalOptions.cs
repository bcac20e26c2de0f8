namespace ArtifactGraph.Cli.CommandLine;

/// <summary>Options every command accepts (DESIGN.md §6).</summary>
internal static class GlobalOptions
{
    public static readonly string[] Values = ["--db"];

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
}
