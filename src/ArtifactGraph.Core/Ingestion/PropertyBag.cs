using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ArtifactGraph.Core.Ingestion;

/// <summary>
/// A node's or edge's properties while a batch is built: insertion-ordered pairs, first value wins. Most
/// records carry one to ten properties, so an array searched linearly costs a fraction of a
/// <see cref="Dictionary{TKey,TValue}"/> per record (no buckets, no hashing); past
/// <see cref="IndexFrom"/> pairs a key index keeps a record with very many properties linear.
/// A <see cref="IsShared"/> bag is held by many records at once and never changes (see <see cref="Share"/>).
/// </summary>
internal sealed class PropertyBag : IReadOnlyDictionary<string, string>, IPropertyPairs
{
    private const int IndexFrom = 16;

    private KeyValuePair<string, string>[] _items;
    private Dictionary<string, int>? _index;

    public PropertyBag(int capacity) => _items = new KeyValuePair<string, string>[Math.Max(capacity, 1)];

    public int Count { get; private set; }

    /// <summary>Held by many records: never changed; a merge into it works on a <see cref="Copy"/>.</summary>
    public bool IsShared { get; private set; }

    /// <summary>An unchangeable bag of <paramref name="pairs"/> (first value wins), for records that all carry the same properties.</summary>
    public static PropertyBag Share(ReadOnlySpan<KeyValuePair<string, string>> pairs)
    {
        var bag = new PropertyBag(pairs.Length);
        foreach (var (key, value) in pairs)
        {
            bag.TryAdd(key, value);
        }

        bag.IsShared = true;
        return bag;
    }

    /// <summary>A changeable copy with room for <paramref name="extra"/> more pairs.</summary>
    public PropertyBag Copy(int extra)
    {
        var copy = new PropertyBag(Count + extra);
        for (var i = 0; i < Count; i++)
        {
            copy.TryAdd(_items[i].Key, _items[i].Value);
        }

        return copy;
    }

    public IEnumerable<string> Keys => this.Select(p => p.Key);

    public IEnumerable<string> Values => this.Select(p => p.Value);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <summary>Adds the pair unless the key is present (the first value wins).</summary>
    public void TryAdd(string key, string value)
    {
        if (IsShared)
        {
            throw new InvalidOperationException("A shared property bag never changes: add to a copy.");
        }

        if (IndexOf(key) >= 0)
        {
            return;
        }

        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
        }

        _index?.Add(key, Count);
        _items[Count++] = new(key, value);
        if (_index is null && Count > IndexFrom)
        {
            _index = new Dictionary<string, int>(Count * 2, StringComparer.Ordinal);
            for (var i = 0; i < Count; i++)
            {
                _index.Add(_items[i].Key, i);
            }
        }
    }

    public KeyValuePair<string, string> PairAt(int index) =>
        (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _items[index].Value : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(_items[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
