using System.Text.Json;
using ArtifactGraph.Core.Queries.Risk;

namespace ArtifactGraph.Cli.Output;

/// <summary>The <c>risk --json</c> shape documented in README.md.</summary>
internal static class RiskJson
{
    public static void Write(Utf8JsonWriter json, RiskReport report)
    {
        json.WriteStartObject();
        json.WriteNumber("minScore", report.Options.MinScore);
        json.WriteBoolean("runningOnly", report.Options.RunningOnly);
        json.WriteNumber("checked", report.Checked);
        json.WriteStartArray("images");
        foreach (var image in report.Images)
        {
            json.WriteStartObject();
            json.WriteString("id", image.Image.Key);
            JsonOut.Strings(json, "tags", image.Tags);
            json.WriteNumber("deployments", image.Deployments);
            JsonOut.Strings(json, "environments", image.Environments);
            json.WriteStartArray("signals");
            foreach (var signal in image.Signals)
            {
                json.WriteStartObject();
                json.WriteString("code", signal.Code);
                json.WriteString("detail", signal.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
