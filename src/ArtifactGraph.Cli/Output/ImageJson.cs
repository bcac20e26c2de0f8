using System.Text.Json;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries.Images;
using ArtifactGraph.Core.Storage;
using static ArtifactGraph.Cli.Output.BlastRadiusJson;

namespace ArtifactGraph.Cli.Output;

/// <summary>
/// The stable --json shape of <c>image</c> (README.md, "image --json"): an array, one object per matching
/// image: <c>{"image": node, "baseImages": [node], "deployments": [...], "vulnerabilities": [...],
/// "contents": [{"kind","id","name","depth","direct"}], "provenance": [{"edge", node}], "counts"}</c>.
/// </summary>
internal static class ImageJson
{
    public static void Write(Utf8JsonWriter json, GraphIndex index, IReadOnlyList<ImageReport> reports, IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> properties, IReadOnlyDictionary<long, DocumentSummary> documents)
    {
        json.WriteStartArray();
        foreach (var report in reports)
        {
            WriteReport(json, index, report, properties, documents);
        }

        json.WriteEndArray();
    }

    private static void WriteReport(Utf8JsonWriter json, GraphIndex index, ImageReport report, IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> properties, IReadOnlyDictionary<long, DocumentSummary> documents)
    {
        json.WriteStartObject();
        json.WriteStartObject("image");
        WriteNodeFields(json, index, report.Image);
        json.WriteEndObject();
        json.WriteStartArray("baseImages");
        foreach (var image in report.BaseChain)
        {
            json.WriteStartObject();
            WriteNodeFields(json, index, image);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("deployments");
        for (var i = 0; i < report.RunsIn.Count; i++)
        {
            var node = report.RunsIn.NodeAt(i);
            if (index.KindOf(node) != NodeKind.Deployment)
            {
                continue;
            }

            var props = properties.GetValueOrDefault(index.RefOf(node)) ?? new Dictionary<string, string>();
            json.WriteStartObject();
            WriteNodeFields(json, index, node);
            json.WriteString("environment", DeploymentProperties.EnvironmentOf(props));
            json.WriteString("cluster", DeploymentProperties.ClusterOf(props));
            WriteNullable(json, "replicas", props.GetValueOrDefault(DeploymentProperties.Replicas));
            WriteNullable(json, "exposure", props.GetValueOrDefault(DeploymentProperties.Exposure));
            json.WriteNumber("depth", report.RunsIn.DepthAt(i));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteVulnerabilities(json, index, report, properties, documents);
        json.WriteStartArray("contents");
        for (var i = 0; i < report.Contents.Count; i++)
        {
            json.WriteStartObject();
            WriteNodeFields(json, index, report.Contents.NodeAt(i));
            json.WriteNumber("depth", report.Contents.DepthAt(i));
            json.WriteBoolean("direct", report.Contents.DepthAt(i) == 1);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("provenance");
        foreach (var edge in report.Provenance)
        {
            json.WriteStartObject();
            json.WriteString("edge", edge.Kind.ToWireName());
            WriteNodeFields(json, index, edge.To);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("counts");
        json.WriteNumber("contents", report.Contents.Count);
        json.WriteNumber("direct", Enumerable.Range(0, report.Contents.Count).Count(i => report.Contents.DepthAt(i) == 1));
        json.WriteNumber("vulnerabilities", report.Vulnerabilities.Count(v => v.SuppressedBy is null));
        json.WriteNumber("suppressed", report.Vulnerabilities.Count(v => v.SuppressedBy is not null));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteVulnerabilities(Utf8JsonWriter json, GraphIndex index, ImageReport report, IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> properties, IReadOnlyDictionary<long, DocumentSummary> documents)
    {
        json.WriteStartArray("vulnerabilities");
        foreach (var vulnerability in report.Vulnerabilities)
        {
            var severity = Severity(vulnerability.Aliases, properties);
            json.WriteStartObject();
            json.WriteString("id", vulnerability.Aliases.FirstOrDefault(a => a.StartsWith("CVE-", StringComparison.Ordinal)) ?? vulnerability.Aliases[0]);
            json.WriteStartArray("aliases");
            vulnerability.Aliases.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            WriteNullable(json, "severity", severity.Level);
            if (severity.Score is { } score)
            {
                json.WriteNumber("score", score);
            }
            else
            {
                json.WriteNull("score");
            }

            json.WriteString("package", index.KeyOf(vulnerability.Package));
            json.WriteString("version", vulnerability.Version);
            json.WriteString("explanation", vulnerability.Match.Explanation);
            WriteNullable(json, "fixedVersion", vulnerability.Match.FixedVersion);
            WriteDocument(json, "advisory", documents, vulnerability.Match.Entry.DocumentId);
            if (vulnerability.SuppressedBy is { } decision)
            {
                json.WriteStartObject("suppressedBy");
                json.WriteString("product", index.KeyOf(decision.Product));
                json.WriteString("status", decision.Statement.Claim.Status.ToWireName());
                WriteNullable(json, "justification", decision.Statement.Claim.Justification);
                json.WriteString("issuer", decision.Statement.Claim.Issuer);
                WriteDocument(json, "document", documents, decision.Statement.DocumentId);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("suppressedBy");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Severity level and score from the first alias that has them.</summary>
    public static (string? Level, double? Score) Severity(IReadOnlyList<string> aliases, IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> properties)
    {
        var props = SeverityProperties.OfFirstScored(aliases, properties);
        return (props?.GetValueOrDefault(SeverityProperties.Level), SeverityProperties.ScoreOf(props));
    }
}
