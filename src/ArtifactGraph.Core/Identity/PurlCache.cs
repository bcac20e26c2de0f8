using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ArtifactGraph.Core.Identity;

/// <summary>
/// Parsed purls by their exact text. Parsing is a pure function of the text, and readers ask for the same purl
/// several times per component (image test, identity, <c>vcs_url</c>) and across documents (the popular
/// packages are in nearly every SBOM), so the parse and canonical formatting run once per distinct text and the
/// same canonical key string is shared by every node that names it. Bounded: cleared when full, so a 250 MB
/// SBOM of distinct purls costs a few clears, not memory.
/// </summary>
internal static class PurlCache
{
    /// <summary>~4 MB at ~250 B per entry (the text, the parsed purl and its canonical strings).</summary>
    internal const int Capacity = 16_384;

    // Purl texts longer than this are parsed every time: they are rare and would dominate the bound.
    private const int MaxLength = 512;

    private static readonly ConcurrentDictionary<string, (Purl? Purl, string? Error)> Entries = new(StringComparer.Ordinal);

    // ConcurrentDictionary.Count takes every lock: asked per insert it was a quarter of a cold read's CPU.
    // An approximate count (a racing clear may lose a few increments) is all the bound needs.
    private static int _count;

    /// <summary>For benchmarks that must measure a cold parse (every document's purls new).</summary>
    internal static void Clear()
    {
        Entries.Clear();
        Volatile.Write(ref _count, 0);
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out Purl? purl, [NotNullWhen(false)] out string? error)
    {
        if (text is null || text.Length > MaxLength)
        {
            return PurlParser.TryParse(text, out purl, out error);
        }

        if (!Entries.TryGetValue(text, out var entry))
        {
            entry = PurlParser.TryParse(text, out var parsed, out var parseError) ? (parsed, null) : (null, parseError);
            if (Volatile.Read(ref _count) >= Capacity)
            {
                Clear();
            }

            if (Entries.TryAdd(text, entry))
            {
                Interlocked.Increment(ref _count);
            }
        }

        (purl, error) = entry;
        return purl is not null;
    }
}
