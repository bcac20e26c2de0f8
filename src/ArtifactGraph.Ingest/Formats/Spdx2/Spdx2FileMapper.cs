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
        // Loops, not LINQ: a file-heavy document has thousands of files, and the iterators, closures and a
        // digest formatted then parsed again per checksum were most of the reader's garbage.
        var digests = new List<Digest>(4);
        foreach (var file in context.Document.Files)
        {
            digests.Clear();
            foreach (var checksum in file.Checksums)
            {
                if (Spdx2Checksums.TryCreate(checksum, context.Builder, out var digest))
                {
                    digests.Add(digest);
                }
            }

            if (digests.Count == 0)
            {
                context.Builder.Warn(file.Location, $"file '{file.FileName}' has no usable checksum; skipped");
                continue;
            }

            var key = First(digests, "sha256") ?? First(digests, "sha1") ?? digests[0];
            var id = file.SpdxId!.Trim();
            var properties = new List<KeyValuePair<string, string>>(digests.Count) { new("spdx:id", id) };
            foreach (var digest in digests)
            {
                if (digest != key)
                {
                    properties.Add(new("spdx:checksum:" + digest.Algorithm, digest.Hex));
                }
            }

            var node = context.Builder.AddNode(new NodeRef(NodeKind.Artifact, key.ToString()), file.FileName!.Trim(), properties);
            context.Nodes[id] = node;
            context.FileNodes.Add(node);
        }
    }

    private static Digest? First(List<Digest> digests, string algorithm)
    {
        foreach (var digest in digests)
        {
            if (digest.Algorithm == algorithm)
            {
                return digest;
            }
        }

        return null;
    }
}
