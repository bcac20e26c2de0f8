using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// SPDX files → Artifact nodes keyed by the SHA256 checksum, else SHA1, else the first valid digest; the other
/// digests are kept as <c>spdx:checksum:&lt;alg&gt;</c>. A file without a usable checksum identifies nothing and
/// is skipped with a warning (relationships naming it are then skipped too).
/// </summary>
internal static class Spdx2FileMapper
{
    public static void MapAll(Spdx2Context context)
    {
        foreach (var file in context.Document.Files)
        {
            var digests = file.Checksums
                .Select(c => Spdx2Checksums.TryDigest(c, context.Builder))
                .OfType<string>()
                .Select(Digest.Parse)
                .ToList();
            if (digests.Count == 0)
            {
                context.Builder.Warn(file.Location, $"file '{file.FileName}' has no usable checksum; skipped");
                continue;
            }

            var key = digests.FirstOrDefault(d => d.Algorithm == "sha256", digests.FirstOrDefault(d => d.Algorithm == "sha1", digests[0]));
            var properties = new List<KeyValuePair<string, string>> { new("spdx:id", file.SpdxId!.Trim()) };
            properties.AddRange(digests.Where(d => d != key).Select(d => new KeyValuePair<string, string>("spdx:checksum:" + d.Algorithm, d.Hex)));
            var node = context.Builder.AddNode(new NodeRef(NodeKind.Artifact, key.ToString()), file.FileName!.Trim(), properties);
            context.Nodes[file.SpdxId.Trim()] = node;
            context.FileNodes.Add(node);
        }
    }
}
