using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ArtifactGraph.Core.Storage;

/// <summary>
/// <see cref="RowCache{TKey, TRow}"/> for rows known by a 128-bit identity (a node's <see cref="Graph.NodeHash"/>),
/// with the same bound, generations and per-document admissions, on two <see cref="IdentityTable{TRow}"/>s instead of
/// dictionaries: a lookup is one cache miss (two when the entry is in the old generation), and the writer can
/// <see cref="Prefetch"/> the next nodes' slots while it works on this one. A node cache of a million entries lives
/// mostly outside the processor's caches, and its lookups were ~12% of the SQLite committing thread.
/// <para>
/// An entry found in the old generation is copied into the young one and left where it was: the young copy is always
/// looked at first, and both go when the old generation is dropped, so the stale one is never read.
/// </para>
/// </summary>
internal sealed class IdentityRowCache<TRow>
{
    private readonly int _generationSize;
    private IdentityTable<TRow> _young;
    private IdentityTable<TRow> _old;
    private int _admitted;

    public IdentityRowCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _generationSize = capacity / 2;
        DocumentAdmissions = capacity <= 4 ? capacity : capacity / 4;
        (_young, _old) = (new(_generationSize), new(_generationSize));
    }

    /// <summary>How many distinct entries are cached (counts both copies' key once).</summary>
    public int Count => Entries().Count();

    /// <summary>Every cached row, young then old (for tests and accounting; not on a hot path).</summary>
    public IEnumerable<TRow> Values => Entries().Select(e => e.Row);

    /// <summary>How many new entries one document may add.</summary>
    public int DocumentAdmissions { get; }

    /// <summary>Starts a document's admission budget.</summary>
    public void StartDocument() => _admitted = 0;

    /// <summary>Fetches where the key would be found into the cache, ahead of <see cref="TryGet"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(UInt128 key) => _young.Prefetch(key);

    public bool TryGet(UInt128 key, [MaybeNullWhen(false)] out TRow row)
    {
        ref var young = ref _young.Find(key);
        if (!Unsafe.IsNullRef(ref young))
        {
            row = young;
            return true;
        }

        ref var old = ref _old.Find(key);
        if (!Unsafe.IsNullRef(ref old))
        {
            row = old;
            Put(key, row);
            return true;
        }

        row = default;
        return false;
    }

    public void Set(UInt128 key, TRow row)
    {
        if (_generationSize == 0)
        {
            return;
        }

        ref var young = ref _young.Find(key);
        if (!Unsafe.IsNullRef(ref young))
        {
            young = row;
            return;
        }

        if (Unsafe.IsNullRef(ref _old.Find(key)) && _admitted++ >= DocumentAdmissions)
        {
            return;
        }

        Put(key, row);
    }

    public void Clear()
    {
        // New tables rather than Clear(): after a large document they would keep their full size.
        (_young, _old) = (new(_generationSize), new(_generationSize));
    }

    private void Put(UInt128 key, TRow row)
    {
        if (_young.Count >= _generationSize)
        {
            // The old generation's table is emptied and reused as the young one: it was as large as they grow.
            (_old, _young) = (_young, _old);
            _young.Clear();
        }

        _young.Set(key, row);
    }

    private IEnumerable<(UInt128 Key, TRow Row)> Entries()
    {
        var young = _young.Entries.ToList();
        var seen = young.Select(e => e.Key).ToHashSet();
        return young.Concat(_old.Entries.Where(e => !seen.Contains(e.Key)));
    }
}
