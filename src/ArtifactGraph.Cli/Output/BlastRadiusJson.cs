using System.Globalization;
using System.Text.Json;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Core.Queries.BlastRadius;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Cli.Output;

/// <summary>
/// The stable --json shape of <c>blast-radius</c> (documented in README.md, "blast-radius --json"):
/// <c>{"query", "vulnerability": {"id","aliases","severity","summary"} | null, "affectedPackages": [...],
/// "images": [hit], "deployments": [ranked hit], "packages": [hit], "artifacts": [hit], "suppressed": [...],
/// "annotations": [...], "unusableRanges": [...], "vexApplied", "counts": {"packages","images","deployments","suppressed"}}</c>.
/// A hit is <c>{"kind","id","name","depth","path"}</c>; every path edge lists its <c>documents</c>, and a
/// vulnerability's paths end with the AFFECTS step naming the advisory and the range that matched.
/// </summary>
internal static class BlastRadiusJson
{
    public static void Write(Utf8JsonWriter json, GraphIndex index, BlastRadiusResult result, IReadOnlyDictionary<long, DocumentSummary> documents, EdgeProvenance provenance)
    {
        var writer = new HitWriter(json, index, result, documents, provenance);
        json.WriteStartObject();
        json.WriteString("query", result.Query);
        WriteVulnerability(json, result);
        json.WriteStartArray("affectedPackages");
        foreach (var affected in result.AffectedPackages)
        {
            json.WriteStartObject();
            WriteNodeFields(json, index, affected.Node);
            json.WriteString("version", affected.Version);
            json.WriteStartArray("matches");
            foreach (var match in affected.Matches)
            {
                json.WriteStartObject();
                json.WriteString("vulnerability", match.Entry.Vulnerability);
                json.WriteString("ecosystem", match.Entry.Claim.Ecosystem);
                json.WriteString("explanation", match.Explanation);
                WriteNullable(json, "fixedVersion", match.FixedVersion);
                WriteDocument(json, "document", documents, match.Entry.DocumentId);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        writer.WriteHits("images", NodeKind.Image);
        writer.WriteDeployments();
        writer.WriteHits("packages", NodeKind.PackageVersion);
        writer.WriteHits("artifacts", NodeKind.Artifact);
        WriteSuppressed(json, index, result, documents);
        WriteAnnotations(json, index, result, documents);
        WriteUnusable(json, result, documents);
        json.WriteBoolean("vexApplied", !result.VexIgnored);
        json.WriteStartObject("counts");
        json.WriteNumber("packages", result.AffectedPackages.Count + result.Closure.CountOf(NodeKind.PackageVersion));
        json.WriteNumber("images", result.Closure.CountOf(NodeKind.Image));
        json.WriteNumber("deployments", result.Closure.CountOf(NodeKind.Deployment));
        json.WriteNumber("suppressed", result.Suppressed.Count);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteVulnerability(Utf8JsonWriter json, BlastRadiusResult result)
    {
        if (result.Aliases.Count == 0)
        {
            json.WriteNull("vulnerability");
            return;
        }

        var properties = result.VulnerabilityProperties;
        json.WriteStartObject("vulnerability");
        json.WriteString("id", result.Aliases[0]);
        json.WriteStartArray("aliases");
        foreach (var alias in result.Aliases)
        {
            json.WriteStringValue(alias);
        }

        json.WriteEndArray();
        json.WriteStartObject("severity");
        if (SeverityProperties.ScoreOf(properties) is { } value)
        {
            json.WriteNumber("score", value);
        }
        else
        {
            json.WriteNull("score");
        }

        WriteNullable(json, "level", properties.GetValueOrDefault(SeverityProperties.Level));
        WriteNullable(json, "vector", properties.GetValueOrDefault("severity:cvss_v3") ?? properties.GetValueOrDefault("severity:cvss_v4") ?? properties.GetValueOrDefault("severity:cvss_v2"));
        json.WriteEndObject();
        WriteNullable(json, "summary", properties.GetValueOrDefault("osv:summary"));
        json.WriteBoolean("malicious", properties.GetValueOrDefault("osv:malicious") == "true");
        json.WriteEndObject();
    }

    private static void WriteSuppressed(Utf8JsonWriter json, GraphIndex index, BlastRadiusResult result, IReadOnlyDictionary<long, DocumentSummary> documents)
    {
        json.WriteStartArray("suppressed");
        foreach (var item in result.Suppressed)
        {
            json.WriteStartObject();
            WriteNodeFields(json, index, item.Node);
            json.WriteNumber("depth", item.Depth);
            json.WriteBoolean("direct", item.Direct);
            json.WriteString("product", index.KeyOf(item.Decision.Product));
            WriteStatement(json, item.Decision.Statement, documents);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteAnnotations(Utf8JsonWriter json, GraphIndex index, BlastRadiusResult result, IReadOnlyDictionary<long, DocumentSummary> documents)
    {
        json.WriteStartArray("annotations");
        foreach (var decision in result.Annotations)
        {
            json.WriteStartObject();
            WriteNodeFields(json, index, decision.Product);
            WriteStatement(json, decision.Statement, documents);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteUnusable(Utf8JsonWriter json, BlastRadiusResult result, IReadOnlyDictionary<long, DocumentSummary> documents)
    {
        json.WriteStartArray("unusableRanges");
        foreach (var unusable in result.Unusable)
        {
            json.WriteStartObject();
            json.WriteString("vulnerability", unusable.Entry.Vulnerability);
            json.WriteString("package", unusable.Entry.Package.Key);
            json.WriteString("version", unusable.Version);
            json.WriteString("reason", unusable.Reason);
            WriteDocument(json, "document", documents, unusable.Entry.DocumentId);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStatement(Utf8JsonWriter json, VexEntry statement, IReadOnlyDictionary<long, DocumentSummary> documents)
    {
        var claim = statement.Claim;
        json.WriteString("status", claim.Status.ToWireName());
        WriteNullable(json, "justification", claim.Justification);
        WriteNullable(json, "impactStatement", claim.ImpactStatement);
        WriteNullable(json, "actionStatement", claim.ActionStatement);
        json.WriteString("issuer", claim.Issuer);
        WriteNullable(json, "timestamp", claim.Timestamp?.ToString("O", CultureInfo.InvariantCulture));
        WriteNullable(json, "statementId", claim.StatementId);
        WriteDocument(json, "document", documents, statement.DocumentId);
    }

    internal static void WriteDocument(Utf8JsonWriter json, string name, IReadOnlyDictionary<long, DocumentSummary> documents, long id)
    {
        json.WritePropertyName(name);
        if (documents.TryGetValue(id, out var document))
        {
            DocumentJson.Write(json, document);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    internal static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    internal static void WriteNodeFields(Utf8JsonWriter json, GraphIndex index, int node)
    {
        json.WriteString("kind", index.KindOf(node).ToString());
        json.WriteString("id", index.KeyOf(node));
        WriteNullable(json, "name", index.NameOf(node));
    }

    /// <summary>Writes hits with their paths; a vulnerability's path ends with the AFFECTS step.</summary>
    private sealed class HitWriter(Utf8JsonWriter json, GraphIndex index, BlastRadiusResult result, IReadOnlyDictionary<long, DocumentSummary> documents, EdgeProvenance provenance)
    {
        private readonly Dictionary<int, AffectedVersion> _affected = result.AffectedPackages.ToDictionary(a => a.Node);

        public void WriteHits(string name, NodeKind kind)
        {
            json.WriteStartArray(name);
            var closure = result.Closure;
            foreach (var i in closure.IndicesOf(kind))
            {
                json.WriteStartObject();
                WriteNodeFields(json, index, closure.NodeAt(i));
                json.WriteNumber("depth", closure.DepthAt(i));
                WritePath(closure.PathOf(i));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        public void WriteDeployments()
        {
            json.WriteStartArray("deployments");
            var rank = 0;
            foreach (var deployment in result.Deployments)
            {
                json.WriteStartObject();
                json.WriteNumber("rank", ++rank);
                WriteNodeFields(json, index, deployment.Node);
                json.WriteString("environment", deployment.Environment);
                json.WriteString("cluster", deployment.Cluster);
                json.WriteString("exposure", deployment.Exposure);
                json.WriteNumber("replicas", deployment.Replicas);
                WriteNullable(json, "image", deployment.Image is { } image ? index.KeyOf(image) : null);
                WriteNullable(json, "imageName", deployment.Image is { } named ? index.NameOf(named) : null);
                json.WriteString("package", index.KeyOf(deployment.AffectedPackage));
                WriteNullable(json, "fixedVersion", deployment.FixedVersion);
                json.WriteNumber("depth", deployment.Depth);
                WritePath(result.Closure.PathOf(deployment.Hit));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        private void WritePath(IReadOnlyList<PathStep> path)
        {
            json.WriteStartArray("path");
            for (var i = 0; i < path.Count; i++)
            {
                var step = path[i];
                json.WriteStartObject();
                WriteNodeFields(json, index, step.Node);
                if (step.Edge is { } edge)
                {
                    json.WriteString("edge", edge.ToWireName());
                    json.WriteString("direction", step.Forward ? "forward" : "backward");
                    json.WriteStartArray("documents");
                    foreach (var document in provenance.Of(path, i))
                    {
                        DocumentJson.Write(json, document);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            if (_affected.TryGetValue(path[^1].Node, out var affected))
            {
                var match = affected.Matches[0];
                json.WriteStartObject();
                json.WriteString("kind", NodeKind.Vulnerability.ToString());
                json.WriteString("id", match.Entry.Vulnerability);
                WriteNullable(json, "name", match.Entry.Vulnerability);
                json.WriteString("edge", EdgeKind.Affects.ToWireName());
                json.WriteString("direction", "backward");
                json.WriteString("explanation", match.Explanation);
                json.WriteStartArray("documents");
                if (documents.TryGetValue(match.Entry.DocumentId, out var advisory))
                {
                    DocumentJson.Write(json, advisory);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    }
}
