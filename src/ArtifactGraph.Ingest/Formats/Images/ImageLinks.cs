using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Images;

/// <summary>
/// What an SBOM says about an image beyond its own digest, as edges between Image nodes (ontology.md, "Images"):
/// <list type="bullet">
/// <item>another digest that holds this image — an image index (multi-platform manifest list) or the repository
/// digest of an image keyed by its config id — becomes <c>Image(outer) CONTAINS Image(this)</c>, so a deployment
/// that runs the index digest reaches the platform image's packages;</item>
/// <item>a config id this image holds (Trivy's <c>ImageID</c>) becomes <c>Image(this) CONTAINS Image(config)</c>;</item>
/// <item>base-image evidence (<c>org.opencontainers.image.base.digest</c> / <c>.base.name</c>, bare or behind a tool
/// prefix such as <c>syft:image:labels:</c>) becomes <c>Image(this) BASED_ON Image(base)</c>: by digest, else a
/// tag-only <c>ref:</c> Image resolved at query time like an inventory's.</item>
/// </list>
/// </summary>
internal static class ImageLinks
{
    private const string BaseName = "org.opencontainers.image.base.name";
    private const string BaseDigest = "org.opencontainers.image.base.digest";

    /// <summary>Image(digest) CONTAINS image, when the digest is another image's (an index, a repository digest).</summary>
    public static void ContainedBy(NodeRef image, string? digest, string? name, IngestBatchBuilder builder)
    {
        if (Sha256(digest) is not { } outer || outer == image.Key)
        {
            return;
        }

        var node = builder.AddNode(new NodeRef(NodeKind.Image, outer), name, NameProperties(name));
        builder.AddEdge(EdgeKind.Contains, node, image);
    }

    /// <summary>Reads the properties an SBOM attaches to an image (CycloneDX <c>properties</c>) for links.</summary>
    public static void FromProperties(NodeRef image, string? name, IEnumerable<KeyValuePair<string, string>> properties, IngestBatchBuilder builder)
    {
        string? baseName = null, baseDigest = null;
        foreach (var (key, value) in properties)
        {
            if (key.EndsWith(BaseName, StringComparison.Ordinal))
            {
                baseName ??= value.Trim();
            }
            else if (key.EndsWith(BaseDigest, StringComparison.Ordinal))
            {
                baseDigest ??= value.Trim();
            }
            else if (key == "aquasecurity:trivy:RepoDigest")
            {
                var at = value.IndexOf('@', StringComparison.Ordinal);
                ContainedBy(image, at >= 0 ? value[(at + 1)..] : value, name, builder);
            }
            else if (key == "aquasecurity:trivy:ImageID" && Sha256(value) is { } config && config != image.Key)
            {
                var node = builder.AddNode(new NodeRef(NodeKind.Image, config), name, NameProperties(name));
                builder.AddEdge(EdgeKind.Contains, image, node);
            }
        }

        BasedOn(image, baseName, baseDigest, builder);
    }

    public static void BasedOn(NodeRef image, string? baseName, string? baseDigest, IngestBatchBuilder builder)
    {
        var reference = ImageReference.TryParse(baseName, out var parsed) ? parsed : null;
        var digest = Sha256(baseDigest) ?? Sha256(reference?.Digest);
        NodeRef node;
        if (digest is not null)
        {
            var display = reference is null ? null : reference.Name + (reference.Tag is null ? string.Empty : ":" + reference.Tag);
            node = builder.AddNode(new NodeRef(NodeKind.Image, digest), display, NameProperties(display));
        }
        else if (reference is not null)
        {
            var display = reference.Name + ":" + (reference.Tag ?? "latest");
            node = builder.AddNode(new NodeRef(NodeKind.Image, "ref:" + display), display, [.. NameProperties(display), new("image:unresolved", "true")]);
        }
        else
        {
            return;
        }

        if (node != image)
        {
            builder.AddEdge(EdgeKind.BasedOn, image, node);
        }
    }

    /// <summary>The canonical form of a SHA-256 digest, or null.</summary>
    public static string? Sha256(string? text) =>
        text is not null && Digest.TryParse(text.Trim(), out var digest, out _) && digest.Algorithm == "sha256" && digest.Hex.Length == 64
            ? digest.ToString()
            : null;

    private static List<KeyValuePair<string, string>> NameProperties(string? name)
    {
        if (name is null || !ImageReference.TryParse(name, out var reference))
        {
            return [];
        }

        var properties = new List<KeyValuePair<string, string>> { new("image:repository", reference.Name) };
        if (reference.Tag is not null)
        {
            properties.Add(new("image:tag", reference.Tag));
        }

        return properties;
    }
}
