using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Advisories;

namespace ArtifactGraph.Ingest.Formats.Osv;

/// <summary>
/// One OSV record → its Vulnerability node (the document's subject, so a re-published record supersedes
/// the older one), ALIAS_OF edges to each alias, and per affected package a Package node with an
/// <see cref="Core.Advisories.AffectedClaim"/> (<see cref="OsvAffectedMapper"/>). Mapping table: ontology.md, "OSV".
/// </summary>
internal static class OsvMapper
{
    /// <summary>Details are prose that can run to pages; the graph keeps the start, the record keeps the rest.</summary>
    public const int MaxDetails = 4096;

    public static IngestBatch Map(JsonElement root, DocumentInput input, string format)
    {
        var builder = input.NewBuilder();
        var id = JsonFields.String(root, "id", string.Empty);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new DocumentRejectedException("/id", "an OSV record needs an id (none given)");
        }

        var modifiedText = JsonFields.String(root, "modified", string.Empty)
            ?? throw new DocumentRejectedException("/modified", "an OSV record needs a modified timestamp (none given)");
        var modified = JsonFields.Timestamp(root, "modified", string.Empty, builder.Warn);
        var withdrawn = JsonFields.String(root, "withdrawn", string.Empty);

        var vulnerability = VulnerabilityNodes.Add(builder, id, Properties(root, id, modifiedText, withdrawn));
        foreach (var (alias, _) in JsonFields.StringArray(root, "aliases", string.Empty))
        {
            VulnerabilityNodes.AddAlias(builder, vulnerability, alias);
        }

        var affected = JsonFields.ObjectArray(root, "affected", string.Empty).ToList();
        if (affected.Count == 0)
        {
            builder.Warn("/affected", "the record names no affected package; only the vulnerability and its aliases are recorded");
        }

        var isMalicious = id.Trim().StartsWith("MAL-", StringComparison.OrdinalIgnoreCase);
        foreach (var (entry, pointer) in affected)
        {
            // A withdrawn record's packages are still read (so a malformed one still rejects) but claim nothing.
            if (OsvAffectedMapper.Read(entry, pointer, vulnerability.Key, isMalicious, builder) is { } claim && withdrawn is null)
            {
                builder.AddClaim(claim);
            }
        }

        if (withdrawn is not null && affected.Count > 0)
        {
            builder.Warn("/withdrawn", $"the record was withdrawn on {withdrawn}: its affected ranges are not claimed");
        }

        return builder.Build(new DocumentInfo
        {
            Sha256 = input.Sha256,
            Format = format,
            SpecVersion = JsonFields.String(root, "schema_version", string.Empty),
            Name = id.Trim(),
            Subject = vulnerability,
            CreatedAt = modified,
        });
    }

    private static List<KeyValuePair<string, string>> Properties(JsonElement root, string id, string modified, string? withdrawn)
    {
        var properties = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                properties.Add(new(key, value));
            }
        }

        Add("osv:summary", JsonFields.String(root, "summary", string.Empty));
        var details = JsonFields.String(root, "details", string.Empty);
        if (details is { Length: > MaxDetails })
        {
            details = details[..MaxDetails];
            properties.Add(new("osv:details:truncated", "true"));
        }

        Add("osv:details", details);
        Add("osv:published", JsonFields.String(root, "published", string.Empty));
        Add("osv:modified", modified);
        Add("osv:withdrawn", withdrawn);
        if (id.Trim().StartsWith("MAL-", StringComparison.OrdinalIgnoreCase))
        {
            properties.Add(new("osv:malicious", "true"));
        }

        var related = JsonFields.StringArray(root, "related", string.Empty).Select(r => r.Item.Trim()).Where(r => r.Length > 0).ToList();
        Add("osv:related", string.Join(' ', related));

        string? v2 = null, v3 = null, v4 = null;
        foreach (var (severity, pointer) in JsonFields.ObjectArray(root, "severity", string.Empty))
        {
            var type = JsonFields.String(severity, "type", pointer);
            var score = JsonFields.String(severity, "score", pointer);
            switch (type)
            {
                case "CVSS_V3": v3 ??= score; break;
                case "CVSS_V2": v2 ??= score; break;
                case "CVSS_V4": v4 ??= score; break;
                case not null: Add("severity:" + type.ToLowerInvariant(), score); break;
            }
        }

        var databaseSpecific = JsonFields.Object(root, "database_specific", string.Empty);
        var statedLevel = databaseSpecific is { } db && db.TryGetProperty("severity", out var level) && level.ValueKind == JsonValueKind.String ? level.GetString() : null;
        properties.AddRange(VulnerabilityNodes.Severity(v3, v2, v4, null, statedLevel));
        if (databaseSpecific is { } specific && specific.TryGetProperty("cwe_ids", out var cwes) && cwes.ValueKind == JsonValueKind.Array)
        {
            Add("osv:cwes", string.Join(' ', cwes.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString())));
        }

        return properties;
    }
}
