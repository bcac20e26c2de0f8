namespace ArtifactGraph.Bench;

/// <summary>
/// The suites that stand for the <c>artifactgraph</c> command (ingest and reading) run under its runtime
/// settings: the command's runtimeconfig turns tiered PGO and background GC off, and both are fixed at a process's
/// start-up, so the bench starts itself again with DOTNET_TieredPGO=0 and DOTNET_gcConcurrent=0. The query and server
/// suites keep the runtime defaults, as the server image does (docs/BENCHMARKS-HISTORY.md, "Cold commands", "Stop 20"). Setting
/// a variable either way before running the bench overrides it.
/// </summary>
internal static class CliRuntime
{
    private static readonly Dictionary<string, string> CommandSettings = new(StringComparer.Ordinal)
    {
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_gcConcurrent"] = "0",
    };

    private static readonly HashSet<string> CommandSide = new(StringComparer.Ordinal) { "ingest", "commit", "large", "readers", "all" };

    /// <summary>Whether <paramref name="verb"/> must be run again in a process set up as the command is.</summary>
    public static bool MustRestart(string verb) => CommandSide.Contains(verb) && Unset().Count > 0;

    /// <summary>Runs this bench again with the same arguments and the command's settings not already given; returns its exit code.</summary>
    public static int Restart(string[] args) => SelfProcess.Run(args, Unset());

    private static Dictionary<string, string> Unset() =>
        CommandSettings.Where(s => Environment.GetEnvironmentVariable(s.Key) is null).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
}
