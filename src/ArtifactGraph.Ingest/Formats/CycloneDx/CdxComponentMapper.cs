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
        var version = component.Version;
        var purl = component.Purl;
        var properties = CommonProperties(component);

        var node = CdxImageLinks.IsImage(component)
            ? MapImage(component, version, purl, properties, builder)
            : null;
        node ??= MapPackage(component, version, purl, properties, builder);

        CdxHashes.Map(component.Hashes, node.Value, builder);
        CdxLicenses.Map(component.Licenses, node.Value, builder);
        CdxSourceAt.Map(component, node.Value, builder);
        return node.Value;
    }

    private static NodeRef? MapImage(CdxComponent component, string? version, string? purl, List<KeyValuePair<string, string>> properties, IngestBatchBuilder builder)
    {
        var digest = CdxImageSubject.FindDigest(component);

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

        return CdxImageLinks.Link(component, builder.AddNode(new NodeRef(NodeKind.Image, digest ?? "ref:" + component.DisplayName), component.DisplayName, [.. imageProperties, .. properties]), builder);
    }

    private static NodeRef MapPackage(CdxComponent component, string? version, string? purl, List<KeyValuePair<string, string>> properties, IngestBatchBuilder builder)
    {
        var identity = string.IsNullOrWhiteSpace(purl)
            ? PackageIdentity.FromComponent(component.Group, component.Name, version)
            : PackageIdentity.FromPurl(purl);
        if (identity.Error is { } error)
        {
            properties.Add(new("purl:invalid", error));
            builder.Warn(component.PurlLocation, $"purl '{purl}' is not valid ({error}); kept as written");
        }

        var node = builder.AddNode(new NodeRef(NodeKind.PackageVersion, identity.VersionKey), component.DisplayName, properties);
        var package = builder.AddNode(new NodeRef(NodeKind.Package, identity.PackageKey), component.DisplayName);
        builder.AddEdge(EdgeKind.VersionOf, node, package);
        return node;
    }

    private static List<KeyValuePair<string, string>> CommonProperties(CdxComponent component)
    {
        var properties = new List<KeyValuePair<string, string>>(8 + component.Properties.Count);
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                properties.Add(new(key, value));
            }
        }

        Add("cdx:type", component.Type);
        Add("cdx:bom-ref", component.BomRef);
        Add("cdx:version", component.Version);
        Add("cdx:description", component.Description);
        Add("cdx:publisher", component.Publisher);
        Add("cdx:supplier", component.Supplier);
        Add("cdx:cpe", component.Cpe);
        Add("cdx:scope", component.Scope);

        // Empty values are kept: a flag-like property is still information.
        for (var i = 0; i < component.Properties.Count; i++)
        {
            properties.Add(new("cdx:prop:" + component.Properties[i].Key, component.Properties[i].Value));
        }

        return properties;
    }

    /// <summary>The component's <c>scope</c> as a DEPENDS_ON scope: required (or absent) → runtime.</summary>
    public static string DependencyScope(CdxComponent component) => component.Scope switch
    {
        "optional" => "optional",
        "excluded" => "excluded",
        _ => "runtime",
    };
}
