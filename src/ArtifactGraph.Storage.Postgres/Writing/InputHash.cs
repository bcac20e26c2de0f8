using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>
/// A 64-bit hash of a row's input (name and property JSON), kept in the writer's cache to tell whether merging
/// the same input again could change the stored row (<see cref="CachedRow"/>).
/// </summary>
internal static class InputHash
{
    public static ulong Of(string? name, string properties)
    {
        var seed = name is null ? 0L : (long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(name.AsSpan())) | 1L;
        return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(properties.AsSpan()), seed);
    }
}
