using System.Collections.Concurrent;

namespace ArtifactGraph.Core.Versions;

/// <summary>
/// Parsed versions by their text, so a blast-radius query comparing thousands of versions parses each
/// once. Bounded: when full it is cleared rather than grown, which keeps memory flat on huge inputs
/// (65,536 entries is a few MB; a blast radius rarely names more distinct versions of one ecosystem).
/// </summary>
internal sealed class ParsedCache<T>(Func<string, T?> parse, int capacity = 65_536)
    where T : class
{
    private readonly ConcurrentDictionary<string, T?> _entries = new(StringComparer.Ordinal);

    /// <summary>The parsed value, or null when the text is not a version of this scheme.</summary>
    public T? Get(string text)
    {
        if (_entries.TryGetValue(text, out var hit))
        {
            return hit;
        }

        var parsed = parse(text);
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[text] = parsed;
        return parsed;
    }

    public T Require(string text, string schemeName) =>
        Get(text) ?? throw new FormatException($"'{text}' is not a valid {schemeName} version");
}
