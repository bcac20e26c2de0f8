namespace ArtifactGraph.Bench;

/// <summary>
/// The suites that stand for the <c>artifactgraph</c> command (ingest and reading) run under its runtime
/// settings: the command's runtimeconfig turns tiered PGO off, and a process's tiering is fixed at start-up,
/// so the bench starts itself again with DOTNET_TieredPGO=0. The query and server suites keep the runtime
/// default, as the server image does (docs/BENCHMARKS.md, "Cold commands"). Setting the variable either way
/// before running the bench overrides this.
/// </summary>
internal static class CliRuntime
{
    private const string Variable = "DOTNET_TieredPGO";

    private static readonly HashSet<string> CommandSide = new(StringComparer.Ordinal) { "ingest", "commit", "large", "readers", "all" };

    /// <summary>Whether <paramref name="verb"/> must be run again in a process set up as the command is.</summary>
    public static bool MustRestart(string verb) => CommandSide.Contains(verb) && Environment.GetEnvironmentVariable(Variable) is null;

    /// <summary>Runs this bench again with the same arguments and the command's setting; returns its exit code.</summary>
    public static int Restart(string[] args) => SelfProcess.Run(args, new Dictionary<string, string> { [Variable] = "0" });
}
