using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// Which SPDX packages are container images, and their digest and <c>repository:tag</c> name. A package is an
/// image when its primaryPackagePurpose is CONTAINER, its purl is <c>pkg:oci</c>/<c>pkg:docker</c> with a digest
/// version, or it is the described root of a syft image SBOM — and only when a digest is known (images are
/// identified by digest), from the purl version, a SHA256 checksum, or a <c>@sha256:</c> / <c>sha256:</c> name.
/// </summary>
internal static class Spdx2ImageRules
{
    public static bool IsImageCandidate(Spdx2Package package, Purl? purl, bool isSyftImageRoot) =>
        isSyftImageRoot
        || string.Equals(package.PrimaryPackagePurpose?.Trim(), "CONTAINER", StringComparison.OrdinalIgnoreCase)
        || (purl is { Type: "oci" or "docker" } && TrySha256(purl.Version, out _));

    public static string? FindDigest(Spdx2Package package, Purl? purl)
    {
        // A per-architecture package whose purl names the index digest keeps its own manifest digest as checksum.
        if (PlatformDigest(package, purl) is { } platform)
        {
            return platform;
        }

        if (purl is not null && TrySha256(purl.Version, out var fromPurl))
        {
            return fromPurl;
        }

        foreach (var checksum in package.Checksums)
        {
            if (checksum.Algorithm is { } alg && checksum.Value is { } value
                && Digest.TryCreate(alg, value, out var digest, out _) && digest.Algorithm == "sha256")
            {
                return digest.ToString();
            }
        }

        var name = package.Name?.Trim() ?? string.Empty;
        var at = name.IndexOf('@', StringComparison.Ordinal);
        return TrySha256(at >= 0 ? name[(at + 1)..] : name, out var fromName) ? fromName : null;
    }

    /// <summary>
    /// The checksum of a package whose purl has an <c>arch</c> qualifier and a different (index) digest: Red Hat's
    /// platform images inside an image index. Null otherwise.
    /// </summary>
    private static string? PlatformDigest(Spdx2Package package, Purl? purl)
    {
        if (purl is null || !purl.Qualifiers.Any(q => q.Key == "arch") || !TrySha256(purl.Version, out var index))
        {
            return null;
        }

        var checksum = package.Checksums
            .Select(c => c.Algorithm is { } alg && c.Value is { } value && Digest.TryCreate(alg, value, out var d, out _) && d.Algorithm == "sha256" && d.Hex.Length == 64 ? d.ToString() : null)
            .FirstOrDefault(d => d is not null);
        return checksum is not null && checksum != index ? checksum : null;
    }

    /// <summary>The name as <c>repository:tag</c>: the purl's repository_url (else the package name) and its tag (else the name's, else a tag-like versionInfo).</summary>
    public static (string Display, string Repository, string? Tag) Name(Spdx2Package package, Purl? purl)
    {
        var name = package.Name!.Trim();
        if (TrySha256(name, out _))
        {
            return (name, name, null);
        }

        var repository = Qualifier(purl, "repository_url") ?? name;
        var at = repository.IndexOf('@', StringComparison.Ordinal);
        repository = at >= 0 ? repository[..at] : repository;
        string? tag = null;
        var colon = repository.LastIndexOf(':');
        if (colon > repository.LastIndexOf('/') && colon < repository.Length - 1)
        {
            tag = repository[(colon + 1)..];
            repository = repository[..colon];
        }

        tag = Qualifier(purl, "tag") ?? tag ?? TagLike(package.VersionInfo);
        return (tag is null ? repository : repository + ":" + tag, repository, tag);
    }

    public static bool TrySha256(string? text, out string canonical)
    {
        canonical = string.Empty;
        if (text is null || !Digest.TryParse(text.Trim(), out var digest, out _) || digest.Algorithm != "sha256")
        {
            return false;
        }

        canonical = digest.ToString();
        return true;
    }

    private static string? Qualifier(Purl? purl, string key) =>
        purl?.Qualifiers.FirstOrDefault(q => q.Key == key).Value is { Length: > 0 } value ? value : null;

    private static string? TagLike(string? version)
    {
        var value = Spdx2Values.Meaningful(version);
        return value is null || value.Contains('/', StringComparison.Ordinal) || value.Contains(':', StringComparison.Ordinal) || value.Contains(' ', StringComparison.Ordinal)
            ? null
            : value;
    }
}
