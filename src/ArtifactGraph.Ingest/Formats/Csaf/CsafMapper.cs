using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Advisories;

namespace ArtifactGraph.Ingest.Formats.Csaf;

/// <summary>
/// A CSAF document → Vulnerability nodes (cve, with ALIAS_OF to the ids[] that are vulnerability ids),
/// severity properties, and per product status VEX claims and affected claims (<see cref="CsafStatusMapper"/>).
/// The subject is the single vulnerability when there is exactly one, else none (advisories about several
/// vulnerabilities do not supersede by subject). Mapping table: ontology.md, "CSAF".
/// </summary>
internal static class CsafMapper
{
    public static IngestBatch Map(JsonElement root, DocumentInput input, string format)
    {
        var builder = input.NewBuilder();
        var header = JsonFields.Object(root, "document", string.Empty)
            ?? throw new DocumentRejectedException("/document", "a CSAF document needs a document object");
        var version = JsonFields.RequiredString(header, "csaf_version", "/document", "csaf_version");
        if (version.Trim() is not ("2.0" or "2.1"))
        {
            throw new DocumentRejectedException("/document/csaf_version", $"CSAF version '{version}' is not supported (2.0, 2.1)");
        }

        var publisher = JsonFields.Object(header, "publisher", "/document");
        var issuer = publisher is { } p ? JsonFields.String(p, "name", "/document/publisher") : null;
        var tracking = JsonFields.Object(header, "tracking", "/document");
        var trackingId = tracking is { } t ? JsonFields.String(t, "id", "/document/tracking") : null;
        var released = tracking is { } t2 ? JsonFields.Timestamp(t2, "current_release_date", "/document/tracking", builder.Warn) : null;
        var name = string.IsNullOrWhiteSpace(trackingId) ? input.Name : trackingId.Trim();

        var tree = CsafProductTree.Read(root);
        var products = new CsafProductNodes(tree, builder);
        var statuses = new CsafStatusMapper(tree, products, builder, string.IsNullOrWhiteSpace(issuer) ? name : issuer.Trim(), released);
        var documentNode = new DocumentInfo { Sha256 = input.Sha256, Format = format, Name = name }.NodeRef;
        builder.AddNode(documentNode);

        var vulnerabilities = new List<NodeRef>();
        foreach (var (vulnerability, pointer) in JsonFields.ObjectArray(root, "vulnerabilities", string.Empty))
        {
            if (CsafVulnerability.Map(vulnerability, pointer, builder) is not { } node)
            {
                continue;
            }

            vulnerabilities.Add(node);
            builder.AddEdge(EdgeKind.Describes, documentNode, node);
            statuses.Map(vulnerability, pointer, node);
        }

        products.ReportFallbacks();
        var distinct = vulnerabilities.Distinct().ToList();
        return builder.Build(new DocumentInfo
        {
            Sha256 = input.Sha256,
            Format = format,
            SpecVersion = version.Trim(),
            Name = name,
            Subject = distinct.Count == 1 ? distinct[0] : null,
            CreatedAt = released,
            Properties = Properties(header, issuer),
        });
    }

    private static Dictionary<string, string> Properties(JsonElement header, string? issuer)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                properties[key] = value;
            }
        }

        Add("csaf:category", JsonFields.String(header, "category", "/document"));
        Add("csaf:title", JsonFields.String(header, "title", "/document"));
        Add("csaf:publisher", issuer);
        if (JsonFields.Object(header, "tracking", "/document") is { } tracking)
        {
            Add("csaf:tracking:id", JsonFields.String(tracking, "id", "/document/tracking"));
            Add("csaf:tracking:version", JsonFields.String(tracking, "version", "/document/tracking"));
            Add("csaf:tracking:status", JsonFields.String(tracking, "status", "/document/tracking"));
        }

        return properties;
    }
}
