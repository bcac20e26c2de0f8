using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// <c>hashes[]</c> → one Artifact node per digest (any algorithm) and an OCCURS_AS edge from the
/// component. A hash that is not a digest is skipped with a warning: it identifies nothing.
/// </summary>
internal static class CdxHashes
{
    public static void Map(IReadOnlyList<CdxHash> hashes, NodeRef from, IngestBatchBuilder builder)
    {
        for (var i = 0; i < hashes.Count; i++)
        {
            var hash = hashes[i];
            if (hash.Digest is { } made)
            {
                // Made by the JSON reader from a valid value.
                var known = builder.AddNode(new NodeRef(NodeKind.Artifact, made));
                builder.AddEdge(EdgeKind.OccursAs, from, known);
                continue;
            }

            if (hash.Alg is null || hash.Content is null)
            {
                builder.Warn(hash.Location, "hash needs both 'alg' and 'content'; skipped");
                continue;
            }

            if (!Digest.TryCreate(hash.Alg, hash.Content, out var digest, out var error))
            {
                builder.Warn(hash.Location, $"hash skipped: {error}");
                continue;
            }

            var artifact = builder.AddNode(new NodeRef(NodeKind.Artifact, digest.ToString()));
            builder.AddEdge(EdgeKind.OccursAs, from, artifact);
        }
    }
}
