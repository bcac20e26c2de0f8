using System.IO.Hashing;
using System.Runtime.InteropServices;
using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>
/// Hashes for the writer's cache: a node identity as a 128-bit XxHash of (kind, key), as the SQLite writer keys
/// it, so the cache does not keep key strings alive (a collision is ~2^-64 at 10^9 nodes); and a 64-bit hash of
/// a row's input (name and property JSON) to tell whether merging it again could change the stored row.
/// </summary>
internal static class NodeHash
{
    public static UInt128 Of(NodeRef node) =>
        XxHash128.HashToUInt128(MemoryMarshal.AsBytes(node.Key.AsSpan()), (long)node.Kind);

    public static ulong Input(string? name, string properties)
    {
        var seed = name is null ? 0L : (long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(name.AsSpan())) | 1L;
        return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(properties.AsSpan()), seed);
    }
}
