using System.Text.Json;

namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// The stable JSON shape of an ingest run, shared by <c>artifactgraph ingest --json</c> and
/// <c>POST /api/v1/documents</c>: <c>{"documents": {"ingested","unchanged","rejected"}, "nodesAdded",
/// "edgesAdded", "files": [{"source","outcome","format","sha256","components","nodesAdded","edgesAdded",
/// "warnings": [{"location","message"}], "location","reason"}]}</c>; location and reason only on rejections.
/// </summary>
public static class IngestReportJson
{
    public static void Write(Utf8JsonWriter json, IReadOnlyCollection<IngestReport> reports)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(reports);
        json.WriteStartObject();
        json.WriteStartObject("documents");
        json.WriteNumber("ingested", reports.Count(r => r.Outcome == IngestOutcome.Ingested));
        json.WriteNumber("unchanged", reports.Count(r => r.Outcome == IngestOutcome.Unchanged));
        json.WriteNumber("rejected", reports.Count(r => r.Outcome == IngestOutcome.Rejected));
        json.WriteEndObject();
        json.WriteNumber("nodesAdded", reports.Sum(r => (long)r.NodesAdded));
        json.WriteNumber("edgesAdded", reports.Sum(r => (long)r.EdgesAdded));
        json.WriteStartArray("files");
        foreach (var report in reports)
        {
            WriteFile(json, report);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The outcome as written: <c>ingested</c>, <c>unchanged</c> or <c>rejected</c>.</summary>
    public static string OutcomeName(IngestOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static void WriteFile(Utf8JsonWriter json, IngestReport report)
    {
        json.WriteStartObject();
        json.WriteString("source", report.Source);
        json.WriteString("outcome", OutcomeName(report.Outcome));
        WriteOptional(json, "format", report.Format);
        WriteOptional(json, "sha256", report.Sha256);
        if (report.Outcome == IngestOutcome.Rejected)
        {
            json.WriteString("location", report.Location);
            json.WriteString("reason", report.Reason);
        }
        else
        {
            json.WriteNumber("components", report.Components);
            json.WriteNumber("nodesAdded", report.NodesAdded);
            json.WriteNumber("edgesAdded", report.EdgesAdded);
            json.WriteStartArray("warnings");
            foreach (var warning in report.Warnings)
            {
                json.WriteStartObject();
                json.WriteString("location", warning.Location);
                json.WriteString("message", warning.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
