using System.Text.Json;
using ArtifactGraph.Cli.Commands;
using ArtifactGraph.Ingest.Pipeline;

namespace ArtifactGraph.Cli.Output;

/// <summary>
/// The --json shape of <c>ingest</c>: <c>{"documents": {"ingested","unchanged","rejected"}, "nodesAdded",
/// "edgesAdded", "files": [{"source","outcome","format","sha256","components","nodesAdded","edgesAdded",
/// "warnings": [{"location","message"}], "location","reason"}]}</c>; location and reason only on rejections.
/// </summary>
internal static class IngestJson
{
    public static void Write(Utf8JsonWriter json, IngestSummary summary, IEnumerable<IngestReport> reports)
    {
        json.WriteStartObject();
        json.WriteStartObject("documents");
        json.WriteNumber("ingested", summary.Ingested);
        json.WriteNumber("unchanged", summary.Unchanged);
        json.WriteNumber("rejected", summary.Rejected);
        json.WriteEndObject();
        json.WriteNumber("nodesAdded", summary.NodesAdded);
        json.WriteNumber("edgesAdded", summary.EdgesAdded);
        json.WriteStartArray("files");
        foreach (var report in reports)
        {
            json.WriteStartObject();
            json.WriteString("source", report.Source);
            json.WriteString("outcome", report.Outcome.ToString().ToLowerInvariant());
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

        json.WriteEndArray();
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
