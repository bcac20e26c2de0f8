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
