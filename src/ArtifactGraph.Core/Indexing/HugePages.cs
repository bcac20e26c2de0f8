using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArtifactGraph.Core.Indexing;

/// <summary>
/// Asks Linux to back an index array with 2 MB pages. A walk reads a node's kind, row bounds and row at random
/// across ~60 MB of arrays at tier M; with 4 KB pages nearly every such read also misses the TLB, and in a
/// virtual machine a TLB miss walks two page tables. Measured on the benchmark machine with transparent huge
/// pages switched from <c>madvise</c> (the common default, which .NET's heap never asks for) to <c>always</c>:
/// ~20% less CPU for the worst-case walk and up to ~35% at the median (docs/BENCHMARKS-HISTORY.md). So the index asks for
/// them itself, for its large arrays only: <c>MADV_HUGEPAGE</c>, then <c>MADV_COLLAPSE</c> (Linux 6.1+) to
/// collapse the pages already written now rather than whenever khugepaged gets to them.
/// A hint only: elsewhere, on older kernels, with THP off, or on any error, nothing changes but speed.
/// </summary>
internal static class HugePages
{
    private const int MadvHugepage = 14;
    private const int MadvCollapse = 25;
    private const long PageBytes = 2L << 20;

    /// <summary>Below this an array cannot hold a whole huge page.</summary>
    private const long WorthBytes = PageBytes;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    public static void Advise<T>(T[] array)
        where T : unmanaged
    {
        var bytes = (long)array.Length * Unsafe.SizeOf<T>();
        if (Volatile.Read(ref _unavailable) || bytes < WorthBytes)
        {
            return;
        }

        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            // Only the whole 2 MB pages inside the array: advice on a partial page would reach neighbours.
            var start = (long)handle.AddrOfPinnedObject();
            var first = (start + PageBytes - 1) & ~(PageBytes - 1);
            var end = (start + bytes) & ~(PageBytes - 1);
            if (end > first)
            {
                var length = (nuint)(end - first);
                if (Native.madvise((nint)first, length, MadvHugepage) == 0)
                {
                    _ = Native.madvise((nint)first, length, MadvCollapse);
                }
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref _unavailable, true);
        }
        finally
        {
            handle.Free();
        }
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int madvise(nint address, nuint length, int advice);
    }
}
