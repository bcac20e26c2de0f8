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
