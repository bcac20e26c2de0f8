using ArtifactGraph.Storage.Sqlite.Provenance;

namespace ArtifactGraph.Storage.Sqlite.Tests.Provenance;

public sealed class RowIdListTests
{
    public static TheoryData<long[]> IdSets => new()
    {
        Array.Empty<long>(),
        new long[] { 1 },
        new long[] { 0, 1, 2, 3, 127, 128, 129, 16_383, 16_384 },
        new long[] { 5, 1_000_000, 1_000_001, 40_000_000_000, long.MaxValue },
    };

    [Theory]
    [MemberData(nameof(IdSets))]
    public void Encode_SortedIds_DecodesToTheSameIds(long[] ids)
    {
        var blob = new byte[RowIdList.MaxEncodedLength(ids.Length)];

        var written = RowIdList.Encode(ids, blob);

        Assert.Equal(ids, RowIdList.Decode(blob.AsSpan(0, written)));
    }

    [Theory]
    [MemberData(nameof(IdSets))]
    public void Contains_EveryIdAndItsNeighbours_AnswersLikeTheSet(long[] ids)
    {
        var blob = new byte[RowIdList.MaxEncodedLength(ids.Length)];
        var encoded = blob.AsSpan(0, RowIdList.Encode(ids, blob)).ToArray();

        foreach (var probe in ids.SelectMany(i => new[] { i - 1, i, i + 1 }).Append(0).Append(2))
        {
            Assert.Equal(ids.Contains(probe), RowIdList.Contains(encoded, probe));
        }
    }

    [Fact]
    public void SortDistinct_RepeatsAndDisorder_LeavesSortedDistinctPrefix()
    {
        long[] ids = [9, 3, 3, 7, 1, 9, 3];

        var count = RowIdList.SortDistinct(ids);

        Assert.Equal([1L, 3, 7, 9], ids[..count]);
    }

    /// <summary>
    /// Past 64 ids the sort is a radix sort (RadixSort): random lists of each size and spread (with repeats, a
    /// document's new rows as one ascending run, and values whose high bytes or sign differ) against a comparison sort.
    /// </summary>
    [Theory]
    [InlineData(1, 255, 1_000L)]
    [InlineData(2, 256, 1_000L)]
    [InlineData(3, 9_000, 12_000_000L)]
    [InlineData(4, 20_000, long.MaxValue)]
    [InlineData(5, 5_000, -1L)]
    public void SortDistinct_ManyIds_AsASortedSet(int seed, int length, long spread)
    {
        var random = new Random(seed);
        var ids = new long[length];
        for (var i = 0; i < length; i++)
        {
            ids[i] = spread switch
            {
                -1L => random.NextInt64(long.MinValue, long.MaxValue),
                _ when i % 3 == 0 => spread / 2 + i,                 // an ascending run, as a document's new rows
                _ => random.NextInt64(spread),
            };
        }

        var expected = ids.Distinct().Order().ToArray();

        var count = RowIdList.SortDistinct(ids);

        Assert.Equal(expected, ids[..count]);
    }

    [Fact]
    public void Decode_TruncatedVarint_Throws()
    {
        Assert.Throws<InvalidDataException>(() => RowIdList.Decode([0x81]));
    }

    [Fact]
    public void Encode_ConsecutiveIds_TakeOneBytePerId()
    {
        var ids = Enumerable.Range(1_000, 500).Select(i => (long)i).ToArray();
        var blob = new byte[RowIdList.MaxEncodedLength(ids.Length)];

        Assert.Equal(2 + 499, RowIdList.Encode(ids, blob));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(127UL)]
    [InlineData(128UL)]
    [InlineData(16_383UL)]
    [InlineData(16_384UL)]
    [InlineData(ulong.MaxValue)]
    public void DeltaLength_AnyDelta_BytesWriteDeltaWrites(ulong delta)
    {
        var buffer = new byte[10];
        var written = 0;

        RowIdList.WriteDelta(buffer, ref written, delta);

        Assert.Equal(written, RowIdList.DeltaLength(delta));
    }
}
