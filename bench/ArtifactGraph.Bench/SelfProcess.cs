using System.Diagnostics;

namespace ArtifactGraph.Bench;

/// <summary>This bench run again as a child process, its output passed through, for a run that must start fresh.</summary>
internal static class SelfProcess
{
    /// <summary>Runs the bench with <paramref name="args"/> (and <paramref name="environment"/> set); returns its exit code.</summary>
    public static int Run(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the bench cannot find its own executable");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            // Started as `dotnet artifactgraph-bench.dll`: the host needs the assembly again.
            start.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
        process.WaitForExit();
        return process.ExitCode;
    }
}
