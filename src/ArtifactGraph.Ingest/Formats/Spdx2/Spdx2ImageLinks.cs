using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Images;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// SPDX image evidence → Image links (<see cref="ImageLinks"/>): every <c>pkg:oci</c>/<c>pkg:docker</c> purl whose
/// digest is not the node's key names an image that holds this one — Red Hat's per-architecture packages carry
/// the index digest in their purl (with <c>arch=</c>) and their own manifest digest as checksum, so the index
/// CONTAINS the platform image. Image labels written as <c>key=value</c> annotation comments (<see cref="Labels"/>)
/// are read as CycloneDX properties are, so base-image labels give BASED_ON.
/// </summary>
internal static class Spdx2ImageLinks
{
    public static NodeRef Link(IEnumerable<string> purls, NodeRef image, string display, IngestBatchBuilder builder)
    {
        foreach (var purl in purls)
        {
            ImageLinks.ContainedBy(image, ImagePurls.Digest(purl), display, builder);
        }

        return image;
    }

    /// <summary>
    /// Image labels written as annotation comments, <c>key=value</c> (SPDX 2 has no properties; tools that keep
    /// an image's OCI labels, such as the base image's name and digest, put them in package annotations). A
    /// comment whose text before the first '=' is not a single word is prose, not a label.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> Labels(IEnumerable<string> comments)
    {
        foreach (var comment in comments)
        {
            var equals = comment.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? comment[..equals].Trim() : string.Empty;
            if (key.Length > 0 && !key.Any(char.IsWhiteSpace))
            {
                yield return new(key, comment[(equals + 1)..].Trim());
            }
        }
    }
}
