using System.Globalization;
using System.Text.Json;

namespace ArtifactGraph.Bench.Reporting;

/// <summary>Writes a report as JSON under bench/results/ (git-ignored), one file per run.</summary>
internal static class ResultsFile
{
    public static string Write(BenchReport report, string? directory)
    {
        directory ??= DefaultDirectory();
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{RunName(report)}.json");
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("run", report.Name);
        json.WriteString("startedAt", report.StartedAt);
        json.WriteStartArray("arguments");
        foreach (var argument in report.Arguments)
        {
            json.WriteStringValue(argument);
        }

        json.WriteEndArray();
        json.WriteStartObject("machine");
        foreach (var (key, value) in MachineInfo.Describe())
        {
            json.WriteString(key, value);
        }

        json.WriteString("loadBefore", report.LoadBefore);
        json.WriteString("loadAfter", report.LoadAfter);
        json.WriteEndObject();
        json.WriteStartObject("facts");
        foreach (var (key, value) in report.Facts)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteStartArray("metrics");
        foreach (var metric in report.Metrics)
        {
            json.WriteStartObject();
            json.WriteString("suite", metric.Suite);
            json.WriteString("name", metric.Name);
            if (double.IsFinite(metric.Value))
            {
                json.WriteNumber("value", metric.Value);
            }
            else
            {
                json.WriteNull("value");
            }

            json.WriteString("unit", metric.Unit);
            json.WriteString("target", metric.Target);
            if (metric.Met is { } met)
            {
                json.WriteBoolean("met", met);
            }

            json.WriteString("note", metric.Note);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return path;
    }

    /// <summary>bench/results of the repository the bench runs in (else of the working directory).</summary>
    public static string DefaultDirectory() => Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), "bench", "results");

    /// <summary>The run's file name without extension: the verb and when it started (UTC).</summary>
    public static string RunName(BenchReport report) => $"{report.Name}-{report.StartedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArtifactGraph.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
