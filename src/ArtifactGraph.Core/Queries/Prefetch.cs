using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace ArtifactGraph.Core.Queries;

/// <summary>
/// Software prefetch for the walk: the rows of the nodes a few places ahead in the frontier are fetched
/// while the current node is expanded, so their cache misses overlap instead of following one another.
/// A prefetch never faults and changes no value, so an address made stale by a moving GC costs nothing
/// but the miss it failed to hide.
/// </summary>
internal static unsafe class Prefetch
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Of<T>(T[] array, int index)
    {
        if (Sse.IsSupported && (uint)index < (uint)array.Length)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref array[index]));
        }
    }
}
