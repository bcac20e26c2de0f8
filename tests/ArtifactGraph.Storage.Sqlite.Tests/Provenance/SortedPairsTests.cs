using ArtifactGraph.Storage.Sqlite.Provenance;

namespace ArtifactGraph.Storage.Sqlite.Tests.Provenance;

public sealed class SortedPairsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(60)]
    public void TryNext_OverlappingDocuments_EveryPairInRowThenDocumentOrder(int documents)
    {
        var random = new Random(documents);
        var lists = Enumerable.Range(1, documents)
            .Select(d => (Document: (long)d * 10, Ids: Enumerable.Range(0, random.Next(0, 400)).Select(_ => random.Next(1, 2_000)).Distinct().Order().ToList()))
            .ToList();

        var pairs = Drain(new SortedPairs([.. lists.Select(l => new StagedList(l.Document, BlockWriterTests.Encoded(l.Ids)))]));

        var expected = lists.SelectMany(l => l.Ids.Select(id => ((long)id, l.Document))).Order().ToList();
        Assert.Equal(expected, pairs);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(SortedPairs.DefaultWindowPairs)]
    public void TryNext_WindowsOfAnySize_EveryPairInRowThenDocumentOrder(int windowPairs)
    {
        // Sparse rows (mostly each in one document, far apart), then rows every document lists, then sparse again, up to
        // where a window's offsets need all 32 bits: the windows widen, overflow when the rows turn dense, and narrow.
        var random = new Random(windowPairs);
        var lists = Enumerable.Range(1, 40)
            .Select(d => (Document: (long)d, Ids: Enumerable.Range(0, 30).Select(_ => random.NextInt64(1, 5_000_000))
                .Concat(Enumerable.Range(0, 300).Select(r => 6_000_000L + r))
                .Concat(Enumerable.Range(0, 30).Select(_ => random.NextInt64(7_000_000, 9_000_000_000)))
                .Distinct().Order().ToList()))
            .ToList();

        var pairs = Drain(new SortedPairs([.. lists.Select(l => new StagedList(l.Document, BlockWriterTests.EncodedLongs(l.Ids)))], windowPairs));

        var expected = lists.SelectMany(l => l.Ids.Select(id => (id, l.Document))).Order().ToList();
        Assert.Equal(expected, pairs);
    }

    [Theory]
    [InlineData("dense")]
    [InlineData("spread")]
    [InlineData("sparse, then dense")]
    public void TryNext_AnyDensity_WindowsStayNearTheirShare(string layout)
    {
        // dense: 10 documents list every row; spread: each row in one of 100 documents; then 200,000 rows spread over 500
        // documents and 100 rows every one of them lists, denser than the window before them by far.
        var lists = layout switch
        {
            "dense" => Lists(10, document => Enumerable.Range(0, 100_000)),
            "spread" => Lists(100, document => Enumerable.Range(0, 100_000).Where(r => r % 100 == document)),
            _ => Lists(500, document => Enumerable.Range(0, 200_000).Where(r => r % 500 == document).Concat(Enumerable.Range(300_000, 100))),
        };
        var pairs = new SortedPairs([.. lists.Select(l => new StagedList(l.Document, BlockWriterTests.Encoded(l.Ids)))], windowPairs: 1_000);

        var drained = Drain(pairs);

        Assert.Equal(lists.SelectMany(l => l.Ids.Select(id => ((long)id, l.Document))).Order(), drained);
        Assert.InRange(pairs.LargestWindow, 500, 4_000);

        static List<(long Document, List<int> Ids)> Lists(int documents, Func<int, IEnumerable<int>> ids) =>
            [.. Enumerable.Range(0, documents).Select(d => ((long)d + 1, ids(d).ToList()))];
    }

    [Fact]
    public void TryNext_RowListedByMoreDocumentsThanAWindowHolds_StillEveryPair()
    {
        var lists = Enumerable.Range(1, 50).Select(d => new StagedList(d, BlockWriterTests.Encoded([3, 7, 7 + d]))).ToList();

        var drained = Drain(new SortedPairs(lists, windowPairs: 4));

        Assert.Equal(Enumerable.Range(1, 50).SelectMany(d => new[] { (3L, (long)d), (7L, d), (7L + d, d) }).Order(), drained);
    }

    [Fact]
    public void TryNext_DocumentsGivenOutOfOrder_PairsOfOneRowInDocumentOrder()
    {
        var pairs = Drain(new SortedPairs([new(30, BlockWriterTests.Encoded([1, 2])), new(10, BlockWriterTests.Encoded([2])), new(20, BlockWriterTests.Encoded([1, 2]))], windowPairs: 2));

        Assert.Equal([(1L, 20L), (1L, 30L), (2L, 10L), (2L, 20L), (2L, 30L)], pairs);
    }

    [Fact]
    public void TryNext_LoneDocument_ItsIdsInOrder()
    {
        long[] ids = [1, 2, 3, 200, 70_000, 70_001, 9_000_000_000];
        var blob = new byte[RowIdList.MaxEncodedLength(ids.Length)];
        var encoded = blob[..RowIdList.Encode(ids, blob)];

        var pairs = Drain(new SortedPairs([new StagedList(4, encoded)]));

        Assert.Equal(ids.Select(id => (id, 4L)), pairs);
    }

    [Fact]
    public void TryNext_EmptyListsAmongOthers_SkipsThem()
    {
        var pairs = Drain(new SortedPairs([new(1, []), new(2, BlockWriterTests.Encoded([5, 6])), new(3, [])]));

        Assert.Equal([(5L, 2L), (6L, 2L)], pairs);
    }

    private static List<(long Row, long Document)> Drain(SortedPairs pairs)
    {
        var drained = new List<(long, long)>();
        while (pairs.TryNext(out var row, out var document))
        {
            drained.Add((row, document));
        }

        return drained;
    }
}
