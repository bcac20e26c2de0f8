using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>
/// A bounded map from a row's identity to what the writer knows of the stored row (as the SQLite writer's
/// RowCache): two generations approximate LRU at O(1); entries go to the young one, which becomes the old one
/// when it holds half the capacity (the previous old one is dropped); a hit in the old one moves back. Each
/// document may add at most a quarter of the capacity, so a huge SBOM's single-use rows do not evict the
/// popular rows the cache exists for. Entries may only describe rows of committed or open transactions of
/// this writer: the owner clears the cache when a transaction rolls back (see <see cref="WriterCache"/>).
/// </summary>
internal sealed class RowCache<TKey>
    where TKey : notnull
{
    private readonly int _generationSize;
    private readonly int _documentAdmissions;
    private Dictionary<TKey, CachedRow> _young = [];
    private Dictionary<TKey, CachedRow> _old = [];
    private int _admitted;

    public RowCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _generationSize = capacity / 2;
        _documentAdmissions = capacity <= 4 ? capacity : capacity / 4;
    }

    public int Count => _young.Count + _old.Count;

    public void StartDocument() => _admitted = 0;

    public bool TryGet(TKey key, out CachedRow row)
    {
        if (_young.TryGetValue(key, out row))
        {
            return true;
        }

        if (_old.Remove(key, out row))
        {
            Put(key, row);
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

        ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_young, key);
        if (!Unsafe.IsNullRef(ref slot))
        {
            slot = row;
            return;
        }

        if (!_old.Remove(key) && _admitted++ >= _documentAdmissions)
        {
            return;
        }

        Put(key, row);
    }

    public void Clear()
    {
        // New instances rather than Clear(): a cleared Dictionary keeps its large bucket arrays.
        _young = [];
        _old = [];
    }

    private void Put(TKey key, CachedRow row)
    {
        if (_young.Count >= _generationSize)
        {
            (_old, _young) = (_young, _old);
            _young.Clear();
        }

        _young[key] = row;
    }
}
