using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Images;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// SPDX image evidence → Image links (<see cref="ImageLinks"/>): every <c>pkg:oci</c>/<c>pkg:docker</c> purl whose
/// digest is not the node's key names an image that holds this one — Red Hat's per-architecture packages carry
/// the index digest in their purl (with <c>arch=</c>) and their own manifest digest as checksum, so the index
/// CONTAINS the platform image.
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
}
