using System.Text.Json;
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
    public static void Map(JsonElement component, string pointer, NodeRef from, IngestBatchBuilder builder)
    {
        foreach (var (hash, hashPointer) in CdxJson.ObjectArray(component, "hashes", pointer))
        {
            var alg = CdxJson.OptionalString(hash, "alg", hashPointer);
            var content = CdxJson.OptionalString(hash, "content", hashPointer);
            if (alg is null || content is null)
            {
                builder.Warn(hashPointer, "hash needs both 'alg' and 'content'; skipped");
                continue;
            }

            if (!Digest.TryCreate(alg, content, out var digest, out var error))
            {
                builder.Warn(hashPointer, $"hash skipped: {error}");
                continue;
            }

            var artifact = builder.AddNode(new NodeRef(NodeKind.Artifact, digest.ToString()));
            builder.AddEdge(EdgeKind.OccursAs, from, artifact);
        }
    }
}
