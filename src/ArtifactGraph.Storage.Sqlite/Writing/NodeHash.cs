using System.IO.Hashing;
using System.Runtime.InteropServices;
using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// A node identity as a 128-bit XxHash of (kind, key), the same scheme as IngestBatchBuilder's identity set.
/// The writer's maps key nodes by it instead of by <see cref="NodeRef"/>, so they do not keep a document's
/// key strings alive (a 250 MB SBOM's purls and digests are ~100 bytes each). A collision is ~2^-64 at 10^9 nodes.
/// </summary>
internal static class NodeHash
{
    public static UInt128 Of(NodeRef node) =>
        XxHash128.HashToUInt128(MemoryMarshal.AsBytes(node.Key.AsSpan()), (long)node.Kind);
}
