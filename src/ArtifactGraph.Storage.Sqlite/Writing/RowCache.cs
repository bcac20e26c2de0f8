namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>What the writer knows about a committed row: its id, the property keys it holds, whether it has a name.</summary>
internal readonly record struct CachedRow(long Id, PropertyKeys Keys, bool HasName);

/// <summary>
/// A bounded map from a row's identity to what is known about the stored row, kept by the writer across
/// documents so that a row seen before (a popular package in every image) costs no lookup in the nodes or
/// edges B-tree. Two generations approximate LRU at O(1): entries go to the young one; when it holds half
/// the capacity it becomes the old one and the previous old one is dropped; a hit in the old one moves the
/// entry back to the young one.
/// <para>
/// Entries may only describe committed rows: the owner clears the cache when a transaction rolls back.
/// Rows are never deleted and ids never reused, so an entry stays true even if another process writes the
/// same file; at worst its key set lags, which costs a redundant merge, never a lost one.
/// </para>
/// </summary>
internal sealed class RowCache<TKey>
    where TKey : notnull
{
    private readonly int _generationSize;
    private Dictionary<TKey, CachedRow> _young = [];
    private Dictionary<TKey, CachedRow> _old = [];

    public RowCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _generationSize = capacity / 2;
    }

    public int Count => _young.Count + _old.Count;

    public bool TryGet(TKey key, out CachedRow row)
    {
        if (_young.TryGetValue(key, out row))
        {
            return true;
        }

        if (_old.Remove(key, out row))
        {
            Set(key, row);
            return true;
        }

        return false;
    }

    public void Set(TKey key, CachedRow row)
    {
        if (_generationSize == 0)
        {
            return;
        }

        if (_young.Count >= _generationSize && !_young.ContainsKey(key))
        {
            (_old, _young) = (_young, _old);
            _young.Clear();
        }

        _young[key] = row;
    }

    public void Clear()
    {
        // New instances rather than Clear(): a cleared Dictionary keeps its large bucket arrays.
        _young = [];
        _old = [];
    }
}
