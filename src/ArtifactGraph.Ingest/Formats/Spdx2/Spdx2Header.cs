using System.Globalization;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>The document's own fields: version check, SPDXID and name, creation info → DocumentInfo.</summary>
internal static class Spdx2Header
{
    public const string DocumentId = "SPDXRef-DOCUMENT";

    /// <summary>Checks spdxVersion, SPDXID and name; returns the spec version without the <c>SPDX-</c> prefix.</summary>
    public static string Validate(Spdx2Document document, IngestBatchBuilder builder)
    {
        var version = document.SpdxVersion?.Trim();
        if (string.IsNullOrEmpty(version))
        {
            throw new DocumentRejectedException(document.LocationOf("spdxVersion"), "missing 'spdxVersion'");
        }

        switch (version)
        {
            case "SPDX-2.2" or "SPDX-2.3":
                break;
            case "SPDX-2.1":
                builder.Warn(document.LocationOf("spdxVersion"), "SPDX-2.1 is read as SPDX 2.2; fields 2.1 lacks are simply absent");
                break;
            default:
                throw new DocumentRejectedException(document.LocationOf("spdxVersion"), $"unsupported spdxVersion '{version}' (supported: SPDX-2.2, SPDX-2.3; SPDX-2.1 with a warning)");
        }

        if (string.IsNullOrWhiteSpace(document.SpdxId))
        {
            throw new DocumentRejectedException(document.LocationOf("SPDXID"), "missing document 'SPDXID' (must be SPDXRef-DOCUMENT)");
        }

        if (document.SpdxId.Trim() != DocumentId)
        {
            throw new DocumentRejectedException(document.LocationOf("SPDXID"), $"document SPDXID is '{document.SpdxId}', must be SPDXRef-DOCUMENT");
        }

        if (string.IsNullOrWhiteSpace(document.Name))
        {
            throw new DocumentRejectedException(document.LocationOf("name"), "missing document 'name'");
        }

        return version["SPDX-".Length..];
    }

    public static Dictionary<string, string> Properties(Spdx2Document document)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(properties, "spdx:namespace", document.Namespace);
        Add(properties, "spdx:dataLicense", document.DataLicense);
        Add(properties, "spdx:creators", document.Creators.Count == 0 ? null : string.Join(", ", document.Creators.Select(c => c.Trim())));
        if (document.ExternalDocumentRefs.Count > 0)
        {
            // One line per reference: "DocumentRef-x <spdxDocument URI> <alg>:<hex>", so the documents it leans on can be fetched.
            properties["spdx:externalDocumentRefs"] = string.Join("\n", document.ExternalDocumentRefs.Select(r =>
                string.Join(' ', new[] { r.Id, r.Document, r.ChecksumAlgorithm is null ? null : r.ChecksumAlgorithm + ":" + r.ChecksumValue }.Where(s => !string.IsNullOrWhiteSpace(s)))));
        }

        return properties;
    }

    /// <summary>creationInfo.created; an unparsable one is a warning, not a rejection: it is informational.</summary>
    public static DateTimeOffset? Created(Spdx2Document document, IngestBatchBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(document.Created))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(document.Created.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            return created;
        }

        builder.Warn(document.LocationOf("created"), $"created '{document.Created}' is not a date-time; ignored");
        return null;
    }

    private static void Add(Dictionary<string, string> properties, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            properties[key] = value.Trim();
        }
    }
}
