using System.Globalization;
using System.Text.Json;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>The BOM's own fields: format marker, spec version, serial number, version, timestamp, tools.</summary>
internal static class CdxDocumentHeader
{
    private static readonly HashSet<string> SupportedSpecVersions = new(StringComparer.Ordinal)
    {
        "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7",
    };

    /// <summary>Checks that this is a CycloneDX BOM of a supported version and returns the version.</summary>
    public static string Validate(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DocumentRejectedException("/", "a CycloneDX document is a JSON object");
        }

        var bomFormat = CdxJson.OptionalString(root, "bomFormat", string.Empty);
        if (bomFormat is null)
        {
            // bomFormat is required, but a BOM that names the CycloneDX schema is unmistakable.
            var schema = CdxJson.OptionalString(root, "$schema", string.Empty);
            if (schema is null || !schema.Contains("cyclonedx", StringComparison.OrdinalIgnoreCase))
            {
                throw new DocumentRejectedException("/bomFormat", "missing 'bomFormat' (must be \"CycloneDX\")");
            }
        }
        else if (bomFormat != "CycloneDX")
        {
            throw new DocumentRejectedException("/bomFormat", $"bomFormat is '{bomFormat}', expected \"CycloneDX\"");
        }

        var specVersion = CdxJson.OptionalString(root, "specVersion", string.Empty)
            ?? throw new DocumentRejectedException("/specVersion", "missing 'specVersion'");
        return SupportedSpecVersions.Contains(specVersion)
            ? specVersion
            : throw new DocumentRejectedException("/specVersion", $"unsupported specVersion '{specVersion}' (supported: 1.0 to 1.7)");
    }

    public static Dictionary<string, string> Properties(JsonElement root, JsonElement? metadata)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (CdxJson.OptionalString(root, "serialNumber", string.Empty) is { Length: > 0 } serial)
        {
            properties["cdx:serialNumber"] = serial;
        }

        if (root.TryGetProperty("version", out var version) && version.ValueKind != JsonValueKind.Null)
        {
            properties["cdx:version"] = version.ValueKind == JsonValueKind.Number && version.TryGetInt64(out var number)
                ? number.ToString(CultureInfo.InvariantCulture)
                : throw CdxJson.WrongType("/version", "an integer", version);
        }

        if (metadata is { } meta && ToolNames(meta) is { Count: > 0 } tools)
        {
            properties["cdx:tools"] = string.Join(", ", tools);
        }

        return properties;
    }

    /// <summary>metadata.timestamp; an unparsable one is a warning, not a rejection: it is informational.</summary>
    public static DateTimeOffset? Timestamp(JsonElement? metadata, IngestBatchBuilder builder)
    {
        if (metadata is not { } meta || CdxJson.OptionalString(meta, "timestamp", "/metadata") is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            return timestamp;
        }

        builder.Warn("/metadata/timestamp", $"timestamp '{text}' is not a date-time; ignored");
        return null;
    }

    /// <summary>Tool names: 1.0-1.4 write an array of tools, 1.5+ an object with components and services.</summary>
    private static List<string> ToolNames(JsonElement metadata)
    {
        if (!metadata.TryGetProperty("tools", out var tools))
        {
            return [];
        }

        var entries = tools.ValueKind switch
        {
            JsonValueKind.Array => CdxJson.ObjectArray(metadata, "tools", "/metadata"),
            JsonValueKind.Object => CdxJson.ObjectArray(tools, "components", "/metadata/tools")
                .Concat(CdxJson.ObjectArray(tools, "services", "/metadata/tools")),
            JsonValueKind.Null => [],
            _ => throw CdxJson.WrongType("/metadata/tools", "an array or an object", tools),
        };
        return entries
            .Select(e => CdxJson.OptionalString(e.Item, "name", e.Pointer))
            .OfType<string>()
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
