using ArtifactGraph.Core.Sorting;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// A document's row ids (edges or nodes) as one blob: sorted, distinct, each stored as the unsigned LEB128
/// varint of its difference from the previous id (the first from 0). A document's new rows have consecutive
/// ids, so most deltas take one byte; a 1,000-component SBOM's ~9,000 ids fit in ~10–20 KB.
/// </summary>
internal static class RowIdList
{
    /// <summary>Sorts <paramref name="ids"/> in place, drops repeats and returns how many distinct ids remain at its start.</summary>
    public static int SortDistinct(Span<long> ids)
    {
        if (ids.IsEmpty)
        {
            return 0;
        }

        // A radix sort: a document's ids are row ids below a few tens of millions (~3% of a tier M load's committing
        // thread went to a comparison sort).
        RadixSort.Sort(ids);

        var count = 1;
        for (var i = 1; i < ids.Length; i++)
        {
            if (ids[i] != ids[count - 1])
            {
                ids[count++] = ids[i];
            }
        }

        return count;
    }

    /// <summary>The most bytes <see cref="Encode"/> may write for <paramref name="count"/> ids.</summary>
    public static int MaxEncodedLength(int count) => count * 10;

    /// <summary>Encodes sorted, distinct, non-negative ids into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Encode(ReadOnlySpan<long> sortedIds, Span<byte> destination)
    {
        var written = 0;
        var previous = 0L;
        foreach (var id in sortedIds)
        {
            WriteDelta(destination, ref written, (ulong)(id - previous));
            previous = id;
        }

        return written;
    }

    /// <summary>How many bytes <paramref name="delta"/> takes as a varint (1 for 0–127).</summary>
    public static int DeltaLength(ulong delta) => 1 + ((63 - System.Numerics.BitOperations.LeadingZeroCount(delta | 1)) / 7);

    /// <summary>Writes one delta as a varint at <paramref name="written"/> and moves past it.</summary>
    public static void WriteDelta(Span<byte> destination, ref int written, ulong delta)
    {
        while (delta >= 0x80)
        {
            destination[written++] = (byte)(delta | 0x80);
            delta >>= 7;
        }

        destination[written++] = (byte)delta;
    }

    /// <summary>
    /// Reads the id at <paramref name="position"/> into <paramref name="id"/> (which holds the previous id) and
    /// moves past it; false at the end of the blob. For readers that cannot hold a <see cref="Cursor"/>.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> blob, ref int position, ref long id)
    {
        if (position >= blob.Length)
        {
            return false;
        }

        ulong delta = blob[position++];
        if (delta >= 0x80)
        {
            delta = ReadLong(blob, ref position, delta);
        }

        id += (long)delta;
        return true;
    }

    /// <summary>Every id of the blob, in order.</summary>
    public static List<long> Decode(ReadOnlySpan<byte> blob)
    {
        var ids = new List<long>(blob.Length);
        var reader = new Cursor(blob);
        while (reader.TryNext(out var id))
        {
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Whether the blob holds <paramref name="id"/>; stops at the first larger id (the list is sorted).</summary>
    public static bool Contains(ReadOnlySpan<byte> blob, long id)
    {
        // The hot loop of a provenance read over staged documents: most deltas are one byte, so that case
        // stays inline (~1–2 ns per id instead of a call per id).
        var value = 0L;
        var position = 0;
        while (position < blob.Length)
        {
            ulong delta = blob[position++];
            if (delta >= 0x80)
            {
                delta = ReadLong(blob, ref position, delta);
            }

            value += (long)delta;
            if (value >= id)
            {
                return value == id;
            }
        }

        return false;
    }

    /// <summary>The rest of a varint of two bytes or more, whose first byte was <paramref name="first"/>.</summary>
    private static ulong ReadLong(ReadOnlySpan<byte> blob, ref int position, ulong first)
    {
        var delta = first & 0x7F;
        var shift = 7;
        byte b;
        do
        {
            if (position >= blob.Length || shift > 63)
            {
                throw new InvalidDataException("A provenance id list ends inside a varint.");
            }

            b = blob[position++];
            delta |= (ulong)(b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);

        return delta;
    }

    /// <summary>Reads a blob's ids one at a time without allocating.</summary>
    public ref struct Cursor(ReadOnlySpan<byte> blob)
    {
        private readonly ReadOnlySpan<byte> _blob = blob;
        private int _position;
        private long _previous;

        public bool TryNext(out long id)
        {
            var more = TryRead(_blob, ref _position, ref _previous);
            id = more ? _previous : 0;
            return more;
        }
    }
}
