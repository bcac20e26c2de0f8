using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// One component → its node (PackageVersion + Package + VERSION_OF, or Image for a container with a
/// digest), its properties, hashes and licenses. Identity rules are in graph-schema/ontology.md.
/// </summary>
internal static class CdxComponentMapper
{
    public static NodeRef Map(CdxComponent component, IngestBatchBuilder builder)
    {
        var element = component.Element;
        var pointer = component.Pointer;
        var version = CdxJson.OptionalString(element, "version", pointer);
        var purl = CdxJson.OptionalString(element, "purl", pointer);
        var properties = CommonProperties(component, version);

        var node = CdxImageSubject.IsContainer(component.Type)
            ? MapImage(component, version, purl, properties, builder)
            : null;
        node ??= MapPackage(component, version, purl, properties, builder);

        CdxHashes.Map(element, pointer, node.Value, builder);
        CdxLicenses.Map(element, pointer, node.Value, builder);
        return node.Value;
    }

    private static NodeRef? MapImage(CdxComponent component, string? version, string? purl, List<KeyValuePair<string, string>> properties, IngestBatchBuilder builder)
    {
        var digest = CdxImageSubject.FindDigest(component.Element, component.Pointer, version, purl);

        // Only the subject falls back to a name key: a nested container without a digest is still a
        // package-like thing the SBOM lists, while the subject must be an Image for image queries to work.
        if (digest is null && !component.IsSubject)
        {
            return null;
        }

        var imageProperties = CdxImageSubject.Properties(component.DisplayName).ToList();
        if (!imageProperties.Exists(p => p.Key == "image:tag") && purl is not null
            && Purl.TryParse(purl.Trim(), out var parsed, out _)
            && parsed.Qualifiers.FirstOrDefault(q => q.Key == "tag").Value is { Length: > 0 } tag)
        {
            imageProperties.Add(new("image:tag", tag));
        }

        if (purl is not null)
        {
            imageProperties.Add(new("cdx:purl", purl));
        }

        return builder.AddNode(new NodeRef(NodeKind.Image, digest ?? "ref:" + component.DisplayName), component.DisplayName, [.. imageProperties, .. properties]);
    }

    private static NodeRef MapPackage(CdxComponent component, string? version, string? purl, List<KeyValuePair<string, string>> properties, IngestBatchBuilder builder)
    {
        var identity = string.IsNullOrWhiteSpace(purl)
            ? PackageIdentity.FromComponent(component.Group, component.Name, version)
            : PackageIdentity.FromPurl(purl);
        if (identity.Error is { } error)
        {
            properties.Add(new("purl:invalid", error));
            builder.Warn(component.Pointer + "/purl", $"purl '{purl}' is not valid ({error}); kept as written");
        }

        var node = builder.AddNode(new NodeRef(NodeKind.PackageVersion, identity.VersionKey), component.DisplayName, properties);
        var package = builder.AddNode(new NodeRef(NodeKind.Package, identity.PackageKey), component.DisplayName);
        builder.AddEdge(EdgeKind.VersionOf, node, package);
        return node;
    }

    private static List<KeyValuePair<string, string>> CommonProperties(CdxComponent component, string? version)
    {
        var element = component.Element;
        var pointer = component.Pointer;
        var properties = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                properties.Add(new(key, value));
            }
        }

        Add("cdx:type", component.Type);
        Add("cdx:bom-ref", component.BomRef);
        Add("cdx:version", version);
        Add("cdx:description", CdxJson.OptionalString(element, "description", pointer));
        Add("cdx:publisher", CdxJson.OptionalString(element, "publisher", pointer));
        if (CdxJson.OptionalObject(element, "supplier", pointer) is { } supplier)
        {
            Add("cdx:supplier", CdxJson.OptionalString(supplier, "name", pointer + "/supplier"));
        }

        Add("cdx:cpe", CdxJson.OptionalString(element, "cpe", pointer));
        Add("cdx:scope", CdxJson.OptionalString(element, "scope", pointer));
        foreach (var (property, propertyPointer) in CdxJson.ObjectArray(element, "properties", pointer))
        {
            if (CdxJson.OptionalString(property, "name", propertyPointer) is { Length: > 0 } name)
            {
                // Empty values are kept: a flag-like property is still information.
                properties.Add(new("cdx:prop:" + name, CdxJson.OptionalString(property, "value", propertyPointer) ?? string.Empty));
            }
        }

        return properties;
    }

    /// <summary>The component's <c>scope</c> as a DEPENDS_ON scope: required (or absent) → runtime.</summary>
    public static string DependencyScope(JsonElement component, string pointer) =>
        CdxJson.OptionalString(component, "scope", pointer) switch
        {
            "optional" => "optional",
            "excluded" => "excluded",
            _ => "runtime",
        };
}
