using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArtifactGraph.Core.Storage;

/// <summary>
/// A bounded map from a row's identity to what a store's writer knows about the stored row, kept across
/// documents so that a row seen before (a popular package in every image) costs no lookup in the store.
/// Both stores' writers use it, each with what it needs to know as <typeparamref name="TRow"/>. Two generations
/// approximate LRU at O(1): entries go to the young one; when it holds half the capacity it becomes the old one
/// and the previous old one is dropped; a hit in the old one moves the entry back to the young one.
/// <para>
/// Entries may only describe rows of this writer's committed or open transactions: the owner clears the cache
/// when a transaction rolls back. Rows are never deleted and ids never reused, so an entry stays true even if
/// another process writes the same store; at worst what it knows of the row lags, which costs a redundant
/// merge, never a lost one.
/// </para>
/// <para>
/// Each document may add at most <see cref="DocumentAdmissions"/> new entries (a quarter of the capacity): a
/// 250 MB SBOM's million single-use rows would otherwise fill the cache to capacity (~130 MB measured) and
/// evict the popular rows it exists for. Updates of entries already cached are always taken.
/// </para>
/// </summary>
internal sealed class RowCache<TKey, TRow>
    where TKey : notnull
{
    private readonly int _generationSize;
    private Dictionary<TKey, TRow> _young = [];
    private Dictionary<TKey, TRow> _old = [];
    private int _admitted;

    public RowCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _generationSize = capacity / 2;
        DocumentAdmissions = capacity <= 4 ? capacity : capacity / 4;
    }

    public int Count => _young.Count + _old.Count;

    /// <summary>Every cached row, young then old (for tests and accounting; not on a hot path).</summary>
    public IEnumerable<TRow> Values => _young.Values.Concat(_old.Values);

    /// <summary>How many new entries one document may add.</summary>
    public int DocumentAdmissions { get; }

    /// <summary>Starts a document's admission budget.</summary>
    public void StartDocument() => _admitted = 0;

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TRow row)
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

    public void Set(TKey key, TRow row)
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

        if (!_old.Remove(key) && _admitted++ >= DocumentAdmissions)
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

    private void Put(TKey key, TRow row)
    {
        if (_young.Count >= _generationSize)
        {
            (_old, _young) = (_young, _old);
            _young.Clear();
        }

        _young[key] = row;
    }
}
