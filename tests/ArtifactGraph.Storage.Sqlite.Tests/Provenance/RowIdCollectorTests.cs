using ArtifactGraph.Storage.Sqlite.Provenance;

namespace ArtifactGraph.Storage.Sqlite.Tests.Provenance;

public sealed class RowIdCollectorTests
{
    [Theory]
    [InlineData(RowIdCollector.BitsetFrom, false)]
    [InlineData(4, true)]
    public void Encode_RepeatsAndDisorder_SameListAsSortDistinct(int bitsetFrom, bool inBitset)
    {
        // Dense ids as SQLite hands them out (a document's new rows ascend, known rows come back in any order),
        // enough of them to cross the first growth of the array.
        var random = new Random(42);
        var ids = Enumerable.Range(0, 5_000).Select(i => i % 3 == 0 ? random.Next(0, 6_000) : 6_000 + i).ToArray();
        var collector = new RowIdCollector(bitsetFrom);
        foreach (var id in ids)
        {
            collector.Add(id);
        }

        var count = collector.Complete();
        var blob = new byte[collector.MaxEncodedLength()];
        var written = collector.Encode(blob);

        var expected = ids.Select(i => (long)i).Distinct().Order().ToList();
        Assert.Equal(inBitset, collector.InBitset);
        Assert.Equal(expected.Count, count);
        Assert.Equal(expected, RowIdList.Decode(blob.AsSpan(0, written)));
        if (inBitset)
        {
            Assert.Equal(blob.Length, written);
        }
    }

    [Fact]
    public void Add_SparseIds_StayInTheArray()
    {
        // A bitset to the largest id would be larger than the array: 64 × 1,000 ids apart.
        var collector = new RowIdCollector(bitsetFrom: 4);
        for (var i = 2_000; i > 0; i--)
        {
            collector.Add(i * 1_000L);
        }

        Assert.Equal(2_000, collector.Complete());
        Assert.False(collector.InBitset);
    }

    [Fact]
    public void Clear_AfterABitsetDocument_NextDocumentStartsEmptyInTheArray()
    {
        var collector = new RowIdCollector(bitsetFrom: 4);
        for (var i = 1; i <= 3_000; i++)
        {
            collector.Add(i);
        }

        Assert.True(collector.InBitset);
        collector.Clear();
        collector.Add(9);
        collector.Add(9);

        Assert.False(collector.InBitset);
        Assert.Equal(1, collector.Complete());
        var blob = new byte[collector.MaxEncodedLength()];
        Assert.Equal([9L], RowIdList.Decode(blob.AsSpan(0, collector.Encode(blob))));
    }
}
