using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Container components become Image nodes keyed by digest (images are identified by digest; a tag is an
/// attribute that moves). The digest comes from, in order: <c>version</c> when it is <c>sha256:&lt;hex&gt;</c>
/// (syft writes the image id there), a <c>pkg:oci</c>/<c>pkg:docker</c> purl whose version is a digest,
/// a SHA-256 entry of <c>hashes</c>.
/// </summary>
internal static class CdxImageSubject
{
    public static bool IsContainer(string? type) => string.Equals(type, "container", StringComparison.Ordinal);

    public static string? FindDigest(CdxComponent component)
    {
        if (TrySha256(component.Version, out var fromVersion))
        {
            return fromVersion;
        }

        if (component.Purl is { } purl && Purl.TryParse(purl.Trim(), out var parsed, out _)
            && parsed.Type is "oci" or "docker" && TrySha256(parsed.Version, out var fromPurl))
        {
            return fromPurl;
        }

        foreach (var hash in component.Hashes)
        {
            if (hash.Digest is { } made && made.StartsWith("sha256:", StringComparison.Ordinal))
            {
                return made;
            }

            if (hash.Alg is not null && hash.Content is not null && Digest.TryCreate(hash.Alg, hash.Content, out var digest, out _) && digest.Algorithm == "sha256")
            {
                return digest.ToString();
            }
        }

        return null;
    }

    /// <summary>Splits <c>registry/repo:tag</c> into repository and tag (a colon before the last slash is a port).</summary>
    public static (string Repository, string? Tag) SplitReference(string name)
    {
        var at = name.IndexOf('@', StringComparison.Ordinal);
        var reference = at >= 0 ? name[..at] : name;
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') && colon < reference.Length - 1
            ? (reference[..colon], reference[(colon + 1)..])
            : (reference, null);
    }

    public static IEnumerable<KeyValuePair<string, string>> Properties(string name)
    {
        var (repository, tag) = SplitReference(name);
        yield return new("image:repository", repository);
        if (tag is not null)
        {
            yield return new("image:tag", tag);
        }
    }

    private static bool TrySha256(string? text, out string canonical)
    {
        canonical = string.Empty;
        if (text is null || !Digest.TryParse(text.Trim(), out var digest, out _) || digest.Algorithm != "sha256" || digest.Hex.Length != 64)
        {
            return false;
        }

        canonical = digest.ToString();
        return true;
    }
}
