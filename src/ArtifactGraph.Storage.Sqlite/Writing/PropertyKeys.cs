namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// The set of property keys a stored row holds (values are not kept: merging keeps existing values, so
/// only whether an incoming key is new matters). Immutable and sorted ordinally; equal sets are shared
/// through <see cref="PropertyKeySets"/>, so the cache holds one array per distinct shape, not per row.
/// </summary>
internal sealed class PropertyKeys
{
    public static readonly PropertyKeys None = new([]);

    private PropertyKeys(string[] sorted) => Sorted = sorted;

    public string[] Sorted { get; }

    public static PropertyKeys Create(string[] sorted) => sorted.Length == 0 ? None : new PropertyKeys(sorted);

    /// <summary>True when every key of <paramref name="properties"/> is already stored: a merge would change nothing.</summary>
    public bool Covers(IReadOnlyDictionary<string, string> properties)
    {
        if (properties.Count == 0)
        {
            return true;
        }

        if (properties.Count > Sorted.Length)
        {
            return false;
        }

        foreach (var (key, _) in new PropertyPairs(properties))
        {
            if (!Contains(key))
            {
                return false;
            }
        }

        return true;
    }

    private bool Contains(string key)
    {
        var sorted = Sorted;
        if (sorted.Length <= 8)
        {
            foreach (var candidate in sorted)
            {
                if (string.Equals(candidate, key, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        return Array.BinarySearch(sorted, key, StringComparer.Ordinal) >= 0;
    }
}
