using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>
/// One answer's deployment places in rank order, kept as the bitmaps <see cref="PlaceOrder"/> marked them in, with a
/// count of the bits before each word: the place of any rank is found in a few steps (a search over the counts and a
/// select in one word), so an answer never writes out the places of deployments no one reads. A median answer ranks
/// ~4,400 deployments out of 30,000 and a page reads 50: writing every place in order was ~6% of its time.
/// </summary>
/// <remarks>
/// The order is a list of segments, each a range of places in one of the bitmaps: one segment of the whole first bitmap
/// when no deployment is ordered by its fix, else, group by group, the group's fixable places then its others.
/// </remarks>
internal sealed class RankedPlaces
{
    private readonly ulong[][] _bits;
    private readonly int[][] _before;

    // Segment s: bitmap _segmentBits[s], places [_segmentFrom[s], _segmentTo[s]), its first rank _segmentRank[s].
    private readonly int[] _segmentBits;
    private readonly int[] _segmentFrom;
    private readonly int[] _segmentTo;
    private readonly int[] _segmentRank;

    private RankedPlaces(ulong[][] bits, int[] segmentBits, int[] segmentFrom, int[] segmentTo)
    {
        _bits = bits;
        _before = Array.ConvertAll(bits, CountBefore);
        _segmentBits = segmentBits;
        _segmentFrom = segmentFrom;
        _segmentTo = segmentTo;
        _segmentRank = new int[segmentBits.Length + 1];
        for (var s = 0; s < segmentBits.Length; s++)
        {
            _segmentRank[s + 1] = _segmentRank[s] + Rank(segmentBits[s], segmentTo[s]) - Rank(segmentBits[s], segmentFrom[s]);
        }
    }

    public static RankedPlaces Empty { get; } = new([], [], [], []);

    /// <summary>How many places are marked.</summary>
    public int Count => _segmentRank[^1];

    /// <summary>Every place marked in <paramref name="bits"/> (of <paramref name="count"/> places), ascending.</summary>
    public static RankedPlaces Of(ulong[] bits, int count) => new([bits], [0], [0], [count]);

    /// <summary>Group by group (<paramref name="groupStarts"/>, ending with the place count), the places marked in <paramref name="first"/>, then those in <paramref name="second"/>.</summary>
    public static RankedPlaces ByGroup(ReadOnlySpan<int> groupStarts, ulong[] first, ulong[] second)
    {
        var groups = Math.Max(0, groupStarts.Length - 1);
        var (which, from, to) = (new int[groups * 2], new int[groups * 2], new int[groups * 2]);
        for (var g = 0; g < groups; g++)
        {
            (which[2 * g], from[2 * g], to[2 * g]) = (0, groupStarts[g], groupStarts[g + 1]);
            (which[(2 * g) + 1], from[(2 * g) + 1], to[(2 * g) + 1]) = (1, groupStarts[g], groupStarts[g + 1]);
        }

        return new([first, second], which, from, to);
    }

    /// <summary>The place at <paramref name="rank"/> (0-based).</summary>
    public int this[int rank]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rank);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, Count);
            // The last segment starting at or before the rank: empty segments share their first rank with the next.
            var segment = FirstAbove(_segmentRank, rank) - 1;
            var which = _segmentBits[segment];
            return Select(which, Rank(which, _segmentFrom[segment]) + rank - _segmentRank[segment]);
        }
    }

    /// <summary>Calls <paramref name="action"/> with each place in rank order, and its rank.</summary>
    public void ForEach<TAction>(ref TAction action)
        where TAction : struct, IPlaceVisitor
    {
        var rank = 0;
        for (var s = 0; s < _segmentBits.Length; s++)
        {
            var (bits, from, to) = (_bits[_segmentBits[s]], _segmentFrom[s], _segmentTo[s]);
            if (from >= to)
            {
                continue;
            }

            var last = (to - 1) >> 6;
            for (var w = from >> 6; w <= last; w++)
            {
                var word = bits[w];
                if (w == from >> 6)
                {
                    word &= ulong.MaxValue << (from & 63);
                }

                if (w == last && (to & 63) != 0)
                {
                    word &= (1UL << (to & 63)) - 1;
                }

                while (word != 0)
                {
                    action.Visit(rank++, (w << 6) + BitOperations.TrailingZeroCount(word));
                    word &= word - 1;
                }
            }
        }
    }

    /// <summary>Every place in rank order (for tests and small answers; an answer's own readers use the indexer or <see cref="ForEach"/>).</summary>
    public int[] ToArray()
    {
        var collector = new Collector(new int[Count]);
        ForEach(ref collector);
        return collector.Places;
    }

    /// <summary>How many bits of bitmap <paramref name="which"/> are set below <paramref name="place"/>.</summary>
    private int Rank(int which, int place)
    {
        var word = place >> 6;
        var partial = (place & 63) == 0 ? 0 : BitOperations.PopCount(_bits[which][word] & ((1UL << (place & 63)) - 1));
        return _before[which][word] + partial;
    }

    /// <summary>The place of the <paramref name="nth"/> (0-based) bit set in bitmap <paramref name="which"/>.</summary>
    private int Select(int which, int nth)
    {
        var before = _before[which];
        var word = FirstAbove(before, nth) - 1;
        return (word << 6) + SelectInWord(_bits[which][word], nth - before[word]);
    }

    /// <summary>The first index of ascending <paramref name="sorted"/> (repeats allowed) whose value is above <paramref name="value"/>.</summary>
    private static int FirstAbove(int[] sorted, int value)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = sorted[middle] <= value ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    private static int SelectInWord(ulong word, int nth)
    {
        if (Bmi2.X64.IsSupported)
        {
            return BitOperations.TrailingZeroCount(Bmi2.X64.ParallelBitDeposit(1UL << nth, word));
        }

        for (var i = 0; i < nth; i++)
        {
            word &= word - 1;
        }

        return BitOperations.TrailingZeroCount(word);
    }

    /// <summary>The bits set before each word, then the total: one more entry than words.</summary>
    private static int[] CountBefore(ulong[] bits)
    {
        var before = new int[bits.Length + 1];
        for (var w = 0; w < bits.Length; w++)
        {
            before[w + 1] = before[w] + BitOperations.PopCount(bits[w]);
        }

        return before;
    }

    private struct Collector(int[] places) : IPlaceVisitor
    {
        public readonly int[] Places => places;

        public readonly void Visit(int rank, int place) => places[rank] = place;
    }
}

/// <summary>What <see cref="RankedPlaces.ForEach"/> calls for each place; a struct, so the call is inlined.</summary>
internal interface IPlaceVisitor
{
    void Visit(int rank, int place);
}
