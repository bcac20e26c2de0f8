using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Ingest.Formats.Images;

/// <summary><c>pkg:oci</c> / <c>pkg:docker</c> purls whose version is an image digest: such a component is an image.</summary>
internal static class ImagePurls
{
    public static string? Digest(string? purl) =>
        purl is not null && Purl.TryParse(purl.Trim(), out var parsed, out _) ? Digest(parsed) : null;

    /// <summary>The same for a purl the caller already parsed.</summary>
    public static string? Digest(Purl? purl) =>
        purl is not null && purl.Type is "oci" or "docker" ? ImageLinks.Sha256(purl.Version) : null;

    public static bool IsArchSpecific(string? purl) =>
        purl is not null && Purl.TryParse(purl.Trim(), out var parsed, out _) && parsed.Qualifiers.Any(q => q.Key == "arch");
}
