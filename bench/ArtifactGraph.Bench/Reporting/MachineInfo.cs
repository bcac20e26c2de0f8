using System.Runtime;
using System.Runtime.InteropServices;

namespace ArtifactGraph.Bench.Reporting;

/// <summary>What the figures were measured on; load average is read before and after each suite.</summary>
internal static class MachineInfo
{
    public static Dictionary<string, string> Describe() => new(StringComparer.Ordinal)
    {
        ["processors"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["memory"] = ReadProc("/proc/meminfo", "MemTotal") ?? "unknown",
        ["cpu"] = ReadProc("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["os"] = RuntimeInformation.OSDescription,
        ["gc"] = GCSettings.IsServerGC ? "server" : "workstation",
        ["configuration"] = IsOptimized() ? "Release" : "Debug (figures not representative)",
        ["tieredPgo"] = TieredPgo(),
        ["gcConfig"] = GcConfig(),
    };

    /// <summary>
    /// Whether background GC is configured, and the gen0 budget that allows: the CLI runs with it off (a larger budget,
    /// for bulk ingest) and the server with it on (docs/BENCHMARKS-HISTORY.md, "Stop 20").
    /// </summary>
    public static string GcConfig()
    {
        var variables = GC.GetConfigurationVariables();
        var concurrent = variables.GetValueOrDefault("ConcurrentGC") is true;
        var budget = variables.TryGetValue("GCGen0MaxBudget", out var bytes) ? Convert.ToDouble(bytes, System.Globalization.CultureInfo.InvariantCulture) / (1 << 20) : double.NaN;
        return $"background GC {(concurrent ? "on" : "off")}, gen0 budget up to {budget:N0} MiB ({(concurrent ? "runtime default: as the server runs" : "as the artifactgraph command runs")})";
    }

    /// <summary>
    /// The CLI runs with tiered PGO off and the server with it on (docs/BENCHMARKS-HISTORY.md, "Cold commands"); the
    /// bench runs the command's suites with it off (<see cref="CliRuntime"/>), so each result says which process it stood for.
    /// </summary>
    public static string TieredPgo() =>
        Environment.GetEnvironmentVariable("DOTNET_TieredPGO") switch
        {
            "0" => "off (DOTNET_TieredPGO=0: as the artifactgraph command runs; the command-side suites set it themselves)",
            "1" => "on (DOTNET_TieredPGO=1: as the server image runs)",
            _ => AppContext.GetData("System.Runtime.TieredPGO") is false ? "off (runtimeconfig)" : "on (runtime default: as a server runs; the artifactgraph command runs with it off)",
        };

    /// <summary>1, 5 and 15 minute load averages, as /proc/loadavg prints them.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(' ', parts.Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string? ReadProc(string path, string key)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    private static bool IsOptimized()
    {
        var attribute = typeof(MachineInfo).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
            .OfType<System.Diagnostics.DebuggableAttribute>().FirstOrDefault();
        return attribute is null || !attribute.IsJITOptimizerDisabled;
    }
}
