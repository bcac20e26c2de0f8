using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>A package's source: <c>downloadLocation</c> in VCS form, and the purl's <c>vcs_url</c> qualifier → SOURCE_AT.</summary>
internal static class Spdx2SourceAt
{
    public static void Map(Spdx2Package package, string? purl, NodeRef node, IngestBatchBuilder builder)
    {
        SourceAtLinks.LinkSpdxDownloadLocation(builder, node, package.DownloadLocation);
        SourceAtLinks.LinkPurlQualifier(builder, node, purl);
    }
}
