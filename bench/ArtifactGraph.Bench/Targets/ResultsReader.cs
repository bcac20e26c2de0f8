using System.Text.Json;
using ArtifactGraph.Bench.Reporting;

namespace ArtifactGraph.Bench.Targets;

/// <summary>Reads back what <see cref="ResultsFile"/> wrote: a run's metrics and the load around it.</summary>
internal static class ResultsReader
{
    public sealed record Run(string LoadBefore, string LoadAfter, IReadOnlyList<Metric> Metrics);

    /// <summary>Every results file in <paramref name="directory"/>, oldest first (a step writes one).</summary>
    public static IReadOnlyList<Run> ReadAll(string directory) => Directory.Exists(directory)
        ? [.. Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Read)]
        : [];

    public static Run Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var machine = root.GetProperty("machine");
        var metrics = root.GetProperty("metrics").EnumerateArray().Select(m => new Metric(
            m.GetProperty("suite").GetString()!,
            m.GetProperty("name").GetString()!,
            m.GetProperty("value").ValueKind == JsonValueKind.Number ? m.GetProperty("value").GetDouble() : double.NaN,
            m.GetProperty("unit").GetString()!,
            m.GetProperty("target").GetString(),
            m.TryGetProperty("met", out var met) ? met.GetBoolean() : null,
            m.GetProperty("note").GetString())).ToList();
        return new Run(machine.GetProperty("loadBefore").GetString() ?? string.Empty, machine.GetProperty("loadAfter").GetString() ?? string.Empty, metrics);
    }
}
