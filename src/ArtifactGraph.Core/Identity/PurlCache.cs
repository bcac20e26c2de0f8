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

    /// <summary>For benchmarks that must measure a cold parse (every document's purls new).</summary>
    internal static void Clear() => Entries.Clear();

    public static bool TryParse(string? text, [NotNullWhen(true)] out Purl? purl, [NotNullWhen(false)] out string? error)
    {
        if (text is null || text.Length > MaxLength)
        {
            return PurlParser.TryParse(text, out purl, out error);
        }

        if (!Entries.TryGetValue(text, out var entry))
        {
            entry = PurlParser.TryParse(text, out var parsed, out var parseError) ? (parsed, null) : (null, parseError);
            if (Entries.Count >= Capacity)
            {
                Entries.Clear();
            }

            Entries.TryAdd(text, entry);
        }

        (purl, error) = entry;
        return purl is not null;
    }
}
