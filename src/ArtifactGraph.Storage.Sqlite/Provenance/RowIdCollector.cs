using System.Numerics;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// One document's edge or node ids as its chunks hand them over (unsorted, possibly repeated), given back
/// sorted and distinct as a <see cref="RowIdList"/>. Ids go into an array (8 bytes each) while the document is
/// small; once it holds <see cref="BitsetFrom"/> ids and a bitset up to the largest id would be smaller, into a
/// bitset (SQLite hands out row ids densely from 1): a 250 MB SBOM's ~3M edge ids take ~0.4 MB instead of
/// 24–48 MB of doubling arrays, and come out sorted and distinct without a sort. Small documents never switch.
/// </summary>
internal sealed class RowIdCollector(int bitsetFrom = RowIdCollector.BitsetFrom)
{
    /// <summary>Ids collected in an array before a bitset is considered (512 KB of ids).</summary>
    public const int BitsetFrom = 1 << 16;

    private const int SmallIds = 1024;

    /// <summary>Buffers kept for the next document at most (a very large one must not hold them for the run).</summary>
    private const int LargeIds = 1 << 20;

    private long[] _ids = new long[SmallIds];
    private int _count;
    private ulong[]? _bits;
    private int _distinct = -1;

    /// <summary>Whether the ids are held in a bitset (test hook).</summary>
    internal bool InBitset => _bits is not null;

    public void Add(long id)
    {
        if (_bits is null)
        {
            if (_count == _ids.Length)
            {
                Grow();
            }

            if (_bits is null)
            {
                _ids[_count++] = id;
                return;
            }
        }

        Set(id);
    }

    /// <summary>Sorts and drops repeats; returns how many distinct ids the document has.</summary>
    public int Complete()
    {
        if (_bits is null)
        {
            _distinct = RowIdList.SortDistinct(_ids.AsSpan(0, _count));
            return _distinct;
        }

        _distinct = 0;
        foreach (var word in _bits)
        {
            _distinct += BitOperations.PopCount(word);
        }

        return _distinct;
    }

    /// <summary>At least the bytes <see cref="Encode"/> writes (exact for a bitset); after <see cref="Complete"/>.</summary>
    public int MaxEncodedLength()
    {
        if (_bits is null)
        {
            return RowIdList.MaxEncodedLength(_distinct);
        }

        return EncodeBits([], measureOnly: true);
    }

    /// <summary>Writes the ids as a <see cref="RowIdList"/>; returns the bytes written. After <see cref="Complete"/>.</summary>
    public int Encode(Span<byte> destination)
    {
        if (_bits is null)
        {
            return RowIdList.Encode(_ids.AsSpan(0, _distinct), destination);
        }

        return EncodeBits(destination, measureOnly: false);
    }

    /// <summary>The bitset's ids as deltas, written to <paramref name="destination"/> or only measured; returns the bytes.</summary>
    private int EncodeBits(Span<byte> destination, bool measureOnly)
    {
        var written = 0;
        var previous = 0L;
        for (var w = 0; w < _bits!.Length; w++)
        {
            for (var word = _bits[w]; word != 0; word &= word - 1)
            {
                var id = ((long)w << 6) + BitOperations.TrailingZeroCount(word);
                var delta = (ulong)(id - previous);
                if (measureOnly)
                {
                    written += RowIdList.DeltaLength(delta);
                }
                else
                {
                    RowIdList.WriteDelta(destination, ref written, delta);
                }

                previous = id;
            }
        }

        return written;
    }

    /// <summary>Forgets the ids (the document committed or rolled back); drops buffers a large document grew.</summary>
    public void Clear()
    {
        _count = 0;
        _distinct = -1;
        _bits = null;
        if (_ids.Length > LargeIds)
        {
            _ids = new long[SmallIds];
        }
    }

    private void Grow()
    {
        if (_count >= bitsetFrom)
        {
            var max = 0L;
            foreach (var id in _ids.AsSpan(0, _count))
            {
                max = Math.Max(max, id);
            }

            // A bitset to the largest id so far takes max/64 words; the array takes a word an id.
            if ((max >> 6) < _count)
            {
                _bits = new ulong[(max >> 6) + 1];
                foreach (var id in _ids.AsSpan(0, _count))
                {
                    Set(id);
                }

                _ids = new long[SmallIds];
                _count = 0;
                return;
            }
        }

        Array.Resize(ref _ids, _ids.Length * 2);
    }

    private void Set(long id)
    {
        var word = (int)(id >> 6);
        if (word >= _bits!.Length)
        {
            Array.Resize(ref _bits, Math.Max(word + 1, _bits.Length * 2));
        }

        _bits[word] |= 1UL << (int)(id & 63);
    }
}
