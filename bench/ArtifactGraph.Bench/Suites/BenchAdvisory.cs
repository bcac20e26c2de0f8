using System.Text.Json;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Ingest;
using ArtifactGraph.Ingest.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// A synthetic OSV advisory affecting every version of one package, ingested through the real
/// <see cref="Ingestor"/> (OSV reader, claims, Vulnerability node and aliases), so the server answers
/// <c>blastRadius(vulnerability:)</c> from its own AdvisoryCatalog exactly as for a real advisory.
/// </summary>
internal static class BenchAdvisory
{
    public const string Id = "GHSA-bnch-0000-0001";

    public const string Cve = "CVE-2099-0001";

    /// <summary>Ingests the advisory for <paramref name="packageKey"/> (a versionless npm, PyPI or Maven purl).</summary>
    public static IngestReport Ingest(IGraphStore store, string packageKey)
    {
        var (ecosystem, name) = OsvPackage(packageKey);
        var ingestor = new Ingestor(Readers.All, store, new IngestOptions(), NullLogger<Ingestor>.Instance);
        var report = ingestor.IngestBytes("bench-advisory.osv.json", Json(ecosystem, name));
        return report.Outcome == IngestOutcome.Ingested
            ? report
            : throw new InvalidOperationException($"the bench advisory was not ingested: {report.Outcome} {report.Location} {report.Reason}");
    }

    private static byte[] Json(string ecosystem, string name)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("schema_version", "1.6.0");
            json.WriteString("id", Id);
            json.WriteString("modified", "2099-01-01T00:00:00Z");
            json.WriteString("published", "2099-01-01T00:00:00Z");
            json.WriteStartArray("aliases");
            json.WriteStringValue(Cve);
            json.WriteEndArray();
            json.WriteString("summary", $"Benchmark advisory: every version of {name} ({ecosystem})");
            json.WriteStartArray("severity");
            json.WriteStartObject();
            json.WriteString("type", "CVSS_V3");
            json.WriteString("score", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("affected");
            json.WriteStartObject();
            json.WriteStartObject("package");
            json.WriteString("ecosystem", ecosystem);
            json.WriteString("name", name);
            json.WriteEndObject();
            json.WriteStartArray("ranges");
            json.WriteStartObject();
            json.WriteString("type", ecosystem == "Maven" ? "ECOSYSTEM" : "SEMVER");
            json.WriteStartArray("events");
            json.WriteStartObject();
            json.WriteString("introduced", "0");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The generator's purls (Universe.BuildPurl) → OSV ecosystem and package name.</summary>
    private static (string Ecosystem, string Name) OsvPackage(string packageKey)
    {
        var parts = packageKey.Split('/');
        return parts[0] switch
        {
            "pkg:npm" when parts.Length == 3 => ("npm", Uri.UnescapeDataString(parts[1]) + "/" + parts[2]),
            "pkg:npm" => ("npm", parts[1]),
            "pkg:pypi" => ("PyPI", parts[1]),
            "pkg:maven" => ("Maven", parts[1] + ":" + parts[2]),
            _ => throw new InvalidOperationException($"no OSV ecosystem for {packageKey} in the bench advisory"),
        };
    }

    public static string Describe(string packageKey) => $"{Id} ({Cve}): every version of {packageKey}";
}
