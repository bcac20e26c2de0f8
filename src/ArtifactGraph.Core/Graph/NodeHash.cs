using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace ArtifactGraph.Core.Graph;

/// <summary>
/// A node identity as a 128-bit XxHash of (kind, key). Sets and maps that must not keep key strings alive key
/// nodes by it: the batch builder's identity set, and both stores' writer caches (a 250 MB SBOM's purls and
/// digests are ~100 bytes each). A collision is ~2^-64 at 10^9 nodes.
/// </summary>
internal static class NodeHash
{
    public static UInt128 Of(NodeRef node) =>
        XxHash128.HashToUInt128(MemoryMarshal.AsBytes(node.Key.AsSpan()), (long)node.Kind);
}
