using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx3;

/// <summary>
/// Packages → PackageVersion (+ Package, VERSION_OF) or Image, with OCCURS_AS to each hash's Artifact;
/// files → an Artifact keyed by their preferred digest. Identity is the same as every other reader's:
/// the canonical purl, else <c>pkg:generic/&lt;name&gt;@&lt;version&gt;</c>.
/// </summary>
internal static class Spdx3ElementMapper
{
    /// <summary>Package fields kept verbatim as <c>spdx3:&lt;field&gt;</c> properties.</summary>
    private static readonly string[] KeptFields =
        ["software_packageVersion", "software_primaryPurpose", "software_downloadLocation", "software_homePage", "software_copyrightText", "summary", "description", "comment"];

    public static NodeRef MapPackage(Spdx3Element element, bool isRoot, IReadOnlyDictionary<string, Spdx3Element> byId, Spdx3Context context, IngestBatchBuilder builder)
    {
        var name = element.String("name");
        var version = element.String("software_packageVersion");
        var (purl, purlPointer) = FindPurl(element, context);
        if (string.IsNullOrWhiteSpace(name) && purl is null)
        {
            throw new DocumentRejectedException(element.Pointer, $"{element.Type} has neither 'name' nor a package URL");
        }

        var (digests, verificationCode) = Spdx3Hashes.Read(element, context, builder);
        var properties = Properties(element, context, byId);
        if (verificationCode is not null)
        {
            properties.Add(new("spdx3:packageVerificationCode", verificationCode));
        }

        var purpose = element.String("software_primaryPurpose") is { } p ? context.Normalize(p) : null;
        var displayName = name?.Trim() ?? purl!;
        NodeRef node;
        var imageKey = purpose == "container" ? ImageDigest(digests, purl) : null;

        // As for CycloneDX: a container root is always an Image (keyed by name until a digest is known); a
        // listed container without a digest stays a package-like node.
        if (purpose == "container" && imageKey is null && isRoot && name is not null)
        {
            imageKey = "ref:" + name.Trim() + (string.IsNullOrWhiteSpace(version) ? string.Empty : ":" + version.Trim());
        }

        if (imageKey is not null)
        {
            List<KeyValuePair<string, string>> imageProperties = [new("image:repository", displayName)];
            if (!string.IsNullOrWhiteSpace(version))
            {
                imageProperties.Add(new("image:tag", version.Trim()));
            }

            node = builder.AddNode(new NodeRef(NodeKind.Image, imageKey), displayName, [.. imageProperties, .. properties]);
        }
        else
        {
            var identity = purl is not null ? PackageIdentity.FromPurl(purl) : PackageIdentity.FromComponent(null, name!, version);
            if (identity.Error is { } error)
            {
                properties.Add(new("purl:invalid", error));
                builder.Warn(purlPointer!, $"purl '{purl}' is not valid ({error}); kept as written");
            }

            node = builder.AddNode(new NodeRef(NodeKind.PackageVersion, identity.VersionKey), displayName, properties);
            var package = builder.AddNode(new NodeRef(NodeKind.Package, identity.PackageKey), displayName);
            builder.AddEdge(EdgeKind.VersionOf, node, package);
        }

        foreach (var digest in digests)
        {
            var artifact = builder.AddNode(new NodeRef(NodeKind.Artifact, digest.ToString()));
            builder.AddEdge(EdgeKind.OccursAs, node, artifact);
        }

        return node;
    }

    /// <summary>A file is known by its content: no digest, no node (its relationships become properties).</summary>
    public static NodeRef? MapFile(Spdx3Element element, Spdx3Context context, IngestBatchBuilder builder)
    {
        var (digests, _) = Spdx3Hashes.Read(element, context, builder);
        if (Spdx3Hashes.Preferred(digests) is not { } preferred)
        {
            return null;
        }

        var properties = new List<KeyValuePair<string, string>> { new("spdx3:spdxId", element.Id) };
        properties.AddRange(digests.Where(d => d != preferred).Select(d => new KeyValuePair<string, string>("digest:" + d.Algorithm, d.Hex)));
        if (element.String("software_primaryPurpose") is { } purpose)
        {
            properties.Add(new("spdx3:primaryPurpose", context.Normalize(purpose)));
        }

        return builder.AddNode(new NodeRef(NodeKind.Artifact, preferred.ToString()), element.String("name"), properties);
    }

    /// <summary><c>software_packageUrl</c>, else an externalIdentifier of type packageUrl.</summary>
    private static (string? Purl, string? Pointer) FindPurl(Spdx3Element element, Spdx3Context context)
    {
        if (element.String("software_packageUrl") is { Length: > 0 } purl)
        {
            return (purl, element.Raw("software_packageUrl")!.Value.Pointer);
        }

        foreach (var (type, identifier, pointer) in ExternalIdentifiers(element, context))
        {
            if (type == "packageUrl")
            {
                return (identifier, pointer);
            }
        }

        return (null, null);
    }

    private static List<KeyValuePair<string, string>> Properties(Spdx3Element element, Spdx3Context context, IReadOnlyDictionary<string, Spdx3Element> byId)
    {
        var properties = new List<KeyValuePair<string, string>> { new("spdx3:spdxId", element.Id) };
        if (element.Type != "software_Package")
        {
            properties.Add(new("spdx3:type", element.Type));
        }

        foreach (var field in KeptFields)
        {
            if (element.Raw(field) is { Value.ValueKind: JsonValueKind.String } raw && raw.Value.GetString() is { Length: > 0 } text)
            {
                var key = "spdx3:" + (field.StartsWith("software_", StringComparison.Ordinal) ? field["software_".Length..] : field);
                properties.Add(new(key, field == "software_primaryPurpose" ? context.Normalize(text) : text));
            }
        }

        // Agents are named where the document has them; an unresolvable reference is kept as written.
        if (element.Raw("suppliedBy") is { Value.ValueKind: JsonValueKind.String } supplier)
        {
            var id = supplier.Value.GetString()!;
            properties.Add(new("spdx3:supplier", byId.TryGetValue(id, out var agent) ? agent.String("name") ?? id : id));
        }

        foreach (var (type, identifier, _) in ExternalIdentifiers(element, context))
        {
            if (type != "packageUrl")
            {
                properties.Add(new("spdx3:" + type, identifier));
            }
        }

        return properties;
    }

    private static IEnumerable<(string Type, string Identifier, string Pointer)> ExternalIdentifiers(Spdx3Element element, Spdx3Context context)
    {
        foreach (var (value, pointer) in element.Values("externalIdentifier"))
        {
            if (value.ValueKind == JsonValueKind.Object
                && Spdx3Hashes.Text(value, "externalIdentifierType") is { } type
                && Spdx3Hashes.Text(value, "identifier") is { Length: > 0 } identifier)
            {
                yield return (context.Normalize(type), identifier, pointer + "/identifier");
            }
        }
    }

    /// <summary>An image is known by its digest: a SHA-256 hash, or the digest version of an oci/docker purl.</summary>
    private static string? ImageDigest(List<Digest> digests, string? purl)
    {
        if (digests.FirstOrDefault(d => d.Algorithm == "sha256") is { Hex.Length: 64 } sha256)
        {
            return sha256.ToString();
        }

        return purl is not null && Purl.TryParse(purl.Trim(), out var parsed, out _) && parsed.Type is "oci" or "docker"
            && Digest.TryParse(parsed.Version, out var fromPurl, out _) && fromPurl.Algorithm == "sha256"
            ? fromPurl.ToString()
            : null;
    }
}
