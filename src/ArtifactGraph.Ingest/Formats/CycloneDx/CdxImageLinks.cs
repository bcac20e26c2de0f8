using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Images;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// CycloneDX image evidence → Image links (<see cref="ImageLinks"/>): a <c>pkg:oci</c>/<c>pkg:docker</c> purl digest
/// other than the node's key (syft keys by config id, the purl names the repository digest), Trivy's
/// RepoDigest/ImageID properties, and <c>org.opencontainers.image.base.*</c> properties (BASED_ON).
/// </summary>
internal static class CdxImageLinks
{
    public static NodeRef Link(CdxComponent component, NodeRef image, IngestBatchBuilder builder)
    {
        if (image.Kind == NodeKind.Image)
        {
            ImageLinks.ContainedBy(image, ImagePurls.Digest(component.Purl), component.DisplayName, builder);
            ImageLinks.FromProperties(image, component.DisplayName, component.Properties, builder);
        }

        return image;
    }
}
