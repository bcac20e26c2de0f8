using System.Text.Json;
using System.Xml.Linq;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// A component's source: <c>externalReferences[type=vcs].url</c> (a <c>#fragment</c> that is a commit id is the
/// revision), read for <see cref="CdxComponentMapper"/>, which links them and the purl's <c>vcs_url</c> qualifier → SOURCE_AT
/// (<see cref="SourceAtLinks"/>).
/// </summary>
internal static class CdxSourceAt
{
    /// <summary>Lenient: externalReferences are not what a BOM is rejected over, so odd shapes are skipped.</summary>
    public static IReadOnlyList<string> FromJson(JsonElement component)
    {
        if (!component.TryGetProperty("externalReferences", out var references) || references.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return references.EnumerateArray()
            .Where(r => r.ValueKind == JsonValueKind.Object
                && r.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                && string.Equals(type.GetString(), "vcs", StringComparison.OrdinalIgnoreCase)
                && r.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
            .Select(r => r.GetProperty("url").GetString()!.Trim())
            .ToList();
    }

    public static IReadOnlyList<string> FromXml(CdxXml xml, XElement component) =>
        xml.Items(component, "externalReferences", "reference")
            .Where(r => string.Equals(CdxXml.Attribute(r, "type"), "vcs", StringComparison.OrdinalIgnoreCase))
            .Select(r => xml.Text(r, "url")?.Trim())
            .OfType<string>()
            .ToList();
}
