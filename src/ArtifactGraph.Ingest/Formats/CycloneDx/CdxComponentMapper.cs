using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Images;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// One component → its node (PackageVersion + Package + VERSION_OF, or Image for a container with a
/// digest), its properties, hashes and licenses. Identity rules are in graph-schema/ontology.md.
/// </summary>
internal static class CdxComponentMapper
{
    // The properties of the component being mapped: the builder copies what it keeps, so one list per thread
    // is reused rather than a list per component.
    [ThreadStatic]
    private static List<KeyValuePair<string, string>>? t_properties;

    public static NodeRef Map(CdxComponent component, IngestBatchBuilder builder)
    {
        var version = component.Version;
        var purl = component.Purl;
        var properties = CommonProperties(component);

        // Parsed once for the image test, the identity and vcs_url (each asked the purl cache before).
        var parsed = !string.IsNullOrWhiteSpace(purl) && Purl.TryParse(purl.Trim(), out var valid, out _) ? valid : null;

        // A component whose purl is an image by digest is an Image whatever its type.
        var node = CdxImageSubject.IsContainer(component.Type) || ImagePurls.Digest(parsed) is not null
            ? MapImage(component, parsed, purl, properties, builder)
            : null;
        node ??= MapPackage(component, version, purl, parsed, properties, builder);

        CdxHashes.Map(component.Hashes, node.Value, builder);
        CdxLicenses.Map(component.Licenses, node.Value, builder);
        for (var i = 0; i < component.VcsUrls.Count; i++)
        {
            SourceAtLinks.Link(builder, node.Value, component.VcsUrls[i]);
        }

        SourceAtLinks.LinkPurlQualifier(builder, node.Value, parsed);
        return node.Value;
    }

    private static NodeRef? MapImage(CdxComponent component, Purl? parsed, string? purl, List<KeyValuePair<string, string>> properties, IngestBatchBuilder builder)
    {
        var digest = CdxImageSubject.FindDigest(component);

        // Only the subject falls back to a name key: a nested container without a digest is still a
        // package-like thing the SBOM lists, while the subject must be an Image for image queries to work.
        if (digest is null && !component.IsSubject)
        {
            return null;
        }

        var imageProperties = CdxImageSubject.Properties(component.DisplayName).ToList();
        if (!imageProperties.Exists(p => p.Key == "image:tag") && parsed is not null
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

    private static NodeRef MapPackage(CdxComponent component, string? version, string? purl, Purl? parsed, List<KeyValuePair<string, string>> properties, IngestBatchBuilder builder)
    {
        var identity = string.IsNullOrWhiteSpace(purl) ? PackageIdentity.FromComponent(component.Group, component.Name, version)
            : parsed is not null ? PackageIdentity.FromParsed(parsed)
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
        var properties = t_properties ??= new List<KeyValuePair<string, string>>(16);
        properties.Clear();
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
            properties.Add(new(PropertyKey(component.Properties[i].Key), component.Properties[i].Value));
        }

        return properties;
    }

    // "cdx:prop:" + name, once per distinct name on a thread: tools repeat the same few property names on every
    // component (syft ~5 each), and the names arrive interned, so the lookup is by reference more often than not.
    [ThreadStatic]
    private static Dictionary<string, string>? t_propertyKeys;

    private static string PropertyKey(string name)
    {
        var keys = t_propertyKeys ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!keys.TryGetValue(name, out var key))
        {
            if (keys.Count >= 1024)
            {
                keys.Clear();
            }

            key = "cdx:prop:" + name;
            keys.Add(name, key);
        }

        return key;
    }

    /// <summary>The component's <c>scope</c> as a DEPENDS_ON scope: required (or absent) → runtime.</summary>
    public static string DependencyScope(CdxComponent component) => component.Scope switch
    {
        "optional" => "optional",
        "excluded" => "excluded",
        _ => "runtime",
    };
}
