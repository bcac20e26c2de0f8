using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Advisories;

/// <summary>
/// VEX products → nodes keyed exactly as SBOM readers key them, so a statement lands on the node an SBOM
/// made: a versioned purl → PackageVersion (+ Package, VERSION_OF); a versionless purl → Package; an
/// <c>pkg:oci</c>/<c>pkg:docker</c> purl whose version is a sha256 digest → Image by digest; a digest → Artifact.
/// </summary>
internal static class ProductNodes
{
    /// <summary>Maps a purl; an invalid purl is kept as written (as SBOM readers do) with <c>purl:invalid</c> and a warning.</summary>
    public static NodeRef FromPurl(IngestBatchBuilder builder, string purl, string location)
    {
        var raw = purl.Trim();
        if (Purl.TryParse(raw, out var parsed, out _) && parsed.Type is "oci" or "docker"
            && Digest.TryParse(parsed.Version, out var digest, out _) && digest.Algorithm == "sha256")
        {
            var repository = parsed.Qualifiers.FirstOrDefault(q => q.Key == "repository_url").Value ?? parsed.Name;
            var properties = new List<KeyValuePair<string, string>> { new("image:repository", repository), new("vex:purl", raw) };
            if (parsed.Qualifiers.FirstOrDefault(q => q.Key == "tag").Value is { Length: > 0 } tag)
            {
                properties.Add(new("image:tag", tag));
            }

            return builder.AddNode(new NodeRef(NodeKind.Image, digest.ToString()), repository, properties);
        }

        var identity = PackageIdentity.FromPurl(raw);
        List<KeyValuePair<string, string>>? invalid = null;
        if (identity.Error is { } error)
        {
            invalid = [new("purl:invalid", error)];
            builder.Warn(location, $"purl '{raw}' is not valid ({error}); kept as written");
        }

        var package = builder.AddNode(new NodeRef(NodeKind.Package, identity.PackageKey), identity.Name, identity.HasVersion ? null : invalid);
        if (!identity.HasVersion)
        {
            return package;
        }

        var node = builder.AddNode(new NodeRef(NodeKind.PackageVersion, identity.VersionKey), identity.Name, invalid);
        builder.AddEdge(EdgeKind.VersionOf, node, package);
        return node;
    }

    /// <summary>A content digest (<c>sha256:…</c>) → Artifact; null when the text is not a digest.</summary>
    public static NodeRef? FromDigest(IngestBatchBuilder builder, string algorithm, string hex)
    {
        return Digest.TryCreate(algorithm, hex, out var digest, out _)
            ? builder.AddNode(new NodeRef(NodeKind.Artifact, digest.ToString()))
            : null;
    }

    /// <summary>The Package a product node belongs to: itself when a Package, its VERSION_OF target when a PackageVersion.</summary>
    public static NodeRef? PackageOf(NodeRef node) => node.Kind switch
    {
        NodeKind.Package => node,
        NodeKind.PackageVersion => new NodeRef(NodeKind.Package, PackageIdentity.FromPurl(node.Key).PackageKey),
        _ => null,
    };

    /// <summary>The version of a PackageVersion node's purl; null otherwise.</summary>
    public static string? VersionOf(NodeRef node) =>
        node.Kind == NodeKind.PackageVersion && Purl.TryParse(node.Key, out var purl, out _) ? purl.Version : null;

    /// <summary>The claim ecosystem for a product: its purl type (<c>maven</c>, <c>npm</c>, <c>rpm</c>…).</summary>
    public static string EcosystemOf(NodeRef node)
    {
        var key = node.Key;
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return key.StartsWith("pkg:", StringComparison.Ordinal) && slash > colon ? key[(colon + 1)..slash] : "generic";
    }
}
