using System.Text.Json;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// Makes and shares <see cref="PropertyKeys"/>: rows of one kind from one reader carry the same few key
/// shapes, so the row caches point at a handful of arrays. The sharing table is bounded; past it (odd
/// input with many distinct shapes) sets are still correct, just not shared.
/// </summary>
internal sealed class PropertyKeySets
{
    private const int MaxShared = 4_096;

    private readonly Dictionary<string, PropertyKeys> _shared = new(StringComparer.Ordinal);
    private readonly List<string> _scratch = [];

    /// <summary>The keys of an incoming property map.</summary>
    public PropertyKeys Of(IReadOnlyDictionary<string, string> properties)
    {
        if (properties.Count == 0)
        {
            return PropertyKeys.None;
        }

        _scratch.Clear();
        foreach (var (key, _) in new PropertyPairs(properties))
        {
            _scratch.Add(key);
        }

        return Share();
    }

    /// <summary>The keys already stored plus those of <paramref name="properties"/> (what a merge leaves).</summary>
    public PropertyKeys Union(PropertyKeys stored, IReadOnlyDictionary<string, string> properties)
    {
        if (stored.Covers(properties))
        {
            return stored;
        }

        _scratch.Clear();
        _scratch.AddRange(stored.Sorted);
        foreach (var (key, _) in new PropertyPairs(properties))
        {
            if (Array.BinarySearch(stored.Sorted, key, StringComparer.Ordinal) < 0)
            {
                _scratch.Add(key);
            }
        }

        return Share();
    }

    /// <summary>The top-level keys of a stored properties column (a JSON object of strings).</summary>
    public PropertyKeys OfJson(string json)
    {
        _scratch.Clear();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            _scratch.Add(reader.GetString()!);

            // On a property name, Skip moves past its value (and any children).
            reader.Skip();
        }

        return Share();
    }

    private PropertyKeys Share()
    {
        if (_scratch.Count == 0)
        {
            return PropertyKeys.None;
        }

        _scratch.Sort(StringComparer.Ordinal);
        var joined = string.Join('\0', _scratch);
        if (_shared.TryGetValue(joined, out var keys))
        {
            return keys;
        }

        keys = PropertyKeys.Create([.. _scratch]);
        if (_shared.Count < MaxShared)
        {
            _shared[joined] = keys;
        }

        return keys;
    }
}
