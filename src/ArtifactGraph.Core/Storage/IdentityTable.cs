using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace ArtifactGraph.Core.Storage;

/// <summary>
/// One generation of <see cref="IdentityRowCache{TRow}"/>: an open-addressing table from a 128-bit identity to a row,
/// key and row side by side in one array (32 bytes a slot for a 16-byte row), found by linear probing from the key's
/// low bits. A lookup is one cache miss where a <see cref="Dictionary{TKey, TValue}"/> takes two (its buckets, then its
/// entries), and the slot can be prefetched before it is needed. Kept at most half full; it grows by doubling up to
/// room for <see cref="_limit"/> entries. Key 0 marks an empty slot, so its row is kept beside the array: an identity is
/// an XxHash128, 0 once in 2^128, but the writer's map of staged nodes keeps them unique and must not lose one whose key
/// was crafted to hash to 0. Entries are only added or updated, never removed one by one: the cache drops a whole
/// generation.
/// </summary>
internal sealed class IdentityTable<TRow>
{
    private const int InitialSlots = 1024;

    private readonly int _limit;
    private Slot[] _slots = new Slot[InitialSlots];
    private int _mask = InitialSlots - 1;

    // The most entries recent fills held, decaying at each clear: what Clear sizes the table for.
    private int _recentPeak;

    // Key 0's entry, which no slot can hold.
    private bool _hasZero;
    private TRow _zeroRow;

    public IdentityTable(int limit)
    {
        _limit = limit;
        _zeroRow = default!;
    }

    public int Count { get; private set; }

    /// <summary>Slots in the table (at least twice <see cref="Count"/>).</summary>
    public int Capacity => _slots.Length;

    public IEnumerable<(UInt128 Key, TRow Row)> Entries
    {
        get
        {
            if (_hasZero)
            {
                yield return (UInt128.Zero, _zeroRow);
            }

            foreach (var slot in _slots)
            {
                if (slot.Key != UInt128.Zero)
                {
                    yield return (slot.Key, slot.Row);
                }
            }
        }
    }

    /// <summary>The slot the key's probe starts at, or its row: whoever looks it up next finds it in cache.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(UInt128 key)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref _slots[(int)(ulong)key & _mask]));
        }
    }

    /// <summary>The key's row, or a null reference when the table does not hold it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TRow Find(UInt128 key)
    {
        if (key == UInt128.Zero)
        {
            if (_hasZero)
            {
                return ref _zeroRow;
            }

            return ref Unsafe.NullRef<TRow>();
        }

        var slots = _slots;
        for (var i = (int)(ulong)key & _mask; ; i = (i + 1) & _mask)
        {
            ref var slot = ref slots[i];
            if (slot.Key == key)
            {
                return ref slot.Row;
            }

            if (slot.Key == UInt128.Zero)
            {
                return ref Unsafe.NullRef<TRow>();
            }
        }
    }

    /// <summary>Adds or updates the key's row; false (nothing stored) when the table is full.</summary>
    public bool Set(UInt128 key, TRow row)
    {
        if (key == UInt128.Zero)
        {
            return SetZero(row);
        }

        ref var slot = ref SlotFor(key);
        if (slot.Key == key)
        {
            slot.Row = row;
            return true;
        }

        if (Count >= _limit)
        {
            return false;
        }

        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
            slot = ref SlotFor(key);
        }

        slot = new Slot(key, row);
        Count++;
        return true;
    }

    /// <summary>
    /// Forgets every entry. The table is made smaller only when it is over four times what recent fills needed (their
    /// peak, decaying by an eighth a clear): clearing costs its whole size, and a per-document table grown by one large
    /// document (30,000 nodes, 1.5 MB) would otherwise be cleared at that size for every small document after it (~2%
    /// of a tier M load's committing thread). Sized to the last fill alone, it was reallocated and grown again by
    /// doubling for most documents instead (~170 KB of garbage a tier M SBOM, a fifth of what that thread allocated).
    /// </summary>
    public void Clear()
    {
        _recentPeak = Math.Max(Count, _recentPeak - (_recentPeak >> 3));
        var fit = (int)Math.Max(InitialSlots, BitOperations.RoundUpToPowerOf2((uint)_recentPeak * 2));
        if (_slots.Length / 4 > fit)
        {
            (_slots, _mask) = (new Slot[fit], fit - 1);
        }
        else
        {
            Array.Clear(_slots);
        }

        (_hasZero, _zeroRow) = (false, default!);
        Count = 0;
    }

    private bool SetZero(TRow row)
    {
        if (!_hasZero)
        {
            if (Count >= _limit)
            {
                return false;
            }

            _hasZero = true;
            Count++;
        }

        _zeroRow = row;
        return true;
    }

    /// <summary>The key's slot, or the empty slot where it would go.</summary>
    private ref Slot SlotFor(UInt128 key)
    {
        for (var i = (int)(ulong)key & _mask; ; i = (i + 1) & _mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Key == key || slot.Key == UInt128.Zero)
            {
                return ref slot;
            }
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Key != UInt128.Zero)
            {
                SlotFor(slot.Key) = slot;
            }
        }
    }

    private struct Slot(UInt128 key, TRow row)
    {
        public UInt128 Key = key;
        public TRow Row = row;
    }
}
