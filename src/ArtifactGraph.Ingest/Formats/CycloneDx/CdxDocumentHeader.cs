using System.Globalization;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>The BOM's own facts, shared by both wire formats: supported versions, Document properties, timestamp.</summary>
internal static class CdxDocumentHeader
{
    private static readonly HashSet<string> SupportedSpecVersions = new(StringComparer.Ordinal)
    {
        "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7",
    };

    public static bool IsSupported(string specVersion) => SupportedSpecVersions.Contains(specVersion);

    public static Dictionary<string, string> Properties(CdxBomHeader bom)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (bom.SerialNumber is { Length: > 0 } serial)
        {
            properties["cdx:serialNumber"] = serial;
        }

        if (bom.BomVersion is { } version)
        {
            properties["cdx:version"] = version;
        }

        if (bom.Tools.Count > 0)
        {
            properties["cdx:tools"] = string.Join(", ", bom.Tools);
        }

        foreach (var (section, count) in bom.UnmappedSections)
        {
            properties["cdx:" + section] = count;
        }

        return properties;
    }

    /// <summary>metadata.timestamp; an unparsable one is a warning, not a rejection: it is informational.</summary>
    public static DateTimeOffset? Timestamp(CdxBomHeader bom, IngestBatchBuilder builder)
    {
        if (bom.Timestamp is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            return timestamp;
        }

        builder.Warn(bom.TimestampLocation, $"timestamp '{text}' is not a date-time; ignored");
        return null;
    }
}
