using System.Diagnostics.CodeAnalysis;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace ArtifactGraph.Core.Identity;

/// <summary>
/// Parsed purls by their exact text. Parsing is a pure function of the text, and readers ask for the same purl
/// several times per component (image test, identity, <c>vcs_url</c>) and across documents (the popular
/// packages are in nearly every SBOM), so the parse and canonical formatting run once per text while it stays
/// cached, and the same canonical key string is shared by every node that names it.
/// <para>
/// Direct-mapped: a text has one slot (by its hash), and a parse of another text that maps there replaces it. A
/// bulk load parses a long tail of purls seen once; a dictionary cleared when full allocated a node per insert
/// and then dropped thousands of survivors at once, promoted garbage for the collector (its allocations were
/// ~3% of a tier M load's). A slot holds one immutable entry, written and read whole, so readers on several threads
/// need no lock. Bounded by its slots (~16 MB at ~250 B per entry): over 600 tier M images, one pass, 16,384 slots kept
/// 62% of the purls an SBOM asks for from earlier documents and 65,536 slots 77% (readers suite +5–7% at 65,536).
/// </para>
/// <para>
/// A slot is chosen by XxHash3 of the text, not <see cref="string.GetHashCode()"/>: randomised hashing guards chained
/// tables, and a direct-mapped slot has no chain a crafted document could lengthen (a collision costs one parse).
/// </para>
/// </summary>
internal static class PurlCache
{
    internal const int Capacity = 65_536;

    // Purl texts longer than this are parsed every time: they are rare and would dominate the bound.
    private const int MaxLength = 512;

    private static readonly Entry?[] Slots = new Entry?[Capacity];

    // The entry this thread was last answered with: a reader asks about one component's purl (the same string) two or
    // three times in a row, and each ask hashed the text and compared it again.
    [ThreadStatic]
    private static Entry? t_last;

    /// <summary>For benchmarks that must measure a cold parse (every document's purls new).</summary>
    internal static void Clear() => Array.Clear(Slots);

    public static bool TryParse(string? text, [NotNullWhen(true)] out Purl? purl, [NotNullWhen(false)] out string? error)
    {
        if (text is null || text.Length > MaxLength)
        {
            return PurlParser.TryParse(text, out purl, out error);
        }

        if (t_last is { } last && ReferenceEquals(last.Text, text))
        {
            (purl, error) = (last.Purl, last.Error);
            return purl is not null;
        }

        ref var slot = ref Slots[(int)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan())) & (Capacity - 1)];
        var entry = Volatile.Read(ref slot);
        if (entry is null || !string.Equals(entry.Text, text, StringComparison.Ordinal))
        {
            entry = PurlParser.TryParse(text, out var parsed, out var parseError) ? new Entry(text, parsed, null) : new Entry(text, null, parseError);
            Volatile.Write(ref slot, entry);
        }

        t_last = entry;
        (purl, error) = (entry.Purl, entry.Error);
        return purl is not null;
    }

    private sealed record Entry(string Text, Purl? Purl, string? Error);
}
