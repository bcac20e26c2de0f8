using ArtifactGraph.Storage.Conformance;
using ArtifactGraph.Storage.Sqlite.Provenance;

namespace ArtifactGraph.Storage.Sqlite.Tests.Provenance;

/// <summary>A store merging after every document makes a segment each time; compaction keeps them few and the answers the same.</summary>
public sealed class SegmentCompactionTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public void Merge_EveryDocument_SegmentsStayFewAndAnswersMatchAStoreThatNeverMerged()
    {
        // Documents sharing one edge (every one asserts app -> dep) and each bringing its own: one small segment each,
        // enough for compactions two classes up.
        var documents = Enumerable.Range(0, 150)
            .Select(i => TestDocument.Sbom($"doc-{i}", "app", ("dep", "1.0.0"), ($"own-{i}", "1.0.0")))
            .ToList();
        var path = _database.NewPath();
        using var merged = ProvenanceMergerTests.Open(path, mergeIds: 0);
        using var staged = ProvenanceMergerTests.Open(_database.NewPath(), mergeIds: long.MaxValue);
        var most = 0L;
        foreach (var document in documents)
        {
            merged.Commit(document.Batch, document.Raw);
            staged.Commit(document.Batch, document.Raw);
            most = Math.Max(most, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM provenance_segments;"));
        }

        Assert.Equal(ProvenanceAnswers.Of(staged, documents), ProvenanceAnswers.Of(merged, documents));
        Assert.InRange(most, 1, 3 * (SegmentCompaction.Together - 1));
        Assert.True(TempDatabase.Scalar<long>(path, "SELECT max(id) FROM provenance_segments;") > documents.Count, "no compaction ran");

        // Every pair the documents' lists hold is in the blocks once, and the segments count them all.
        var listed = TempDatabase.Scalar<long>(path, "SELECT sum(edge_count + node_count) FROM document_rows;");
        Assert.Equal(listed, MergedPairs.Of(path, "edge_document_blocks").Count + MergedPairs.Of(path, "node_document_blocks").Count);
        Assert.Equal(listed, TempDatabase.Scalar<long>(path, "SELECT sum(pairs) FROM provenance_segments;"));
        Assert.Equal(documents.Count, TempDatabase.Scalar<long>(path, "SELECT max(through) FROM provenance_segments;"));
    }

    [Theory]
    [InlineData(new long[] { 5, 5, 5, 5, 5, 5, 5 }, 0)]
    [InlineData(new long[] { 5, 5, 5, 5, 5, 5, 5, 5 }, 8)]
    [InlineData(new long[] { 100, 5, 5, 5, 5, 5, 5, 5, 5 }, 8)]
    [InlineData(new long[] { 5, 5, 5, 5, 5, 5, 5, 40 }, 0)]
    [InlineData(new long[] { 4_000_000, 4_000_000, 4_000_000, 4_000_000, 4_000_000, 4_000_000, 4_000_000, 4_000_000 }, 8)]
    [InlineData(new long[] { 32_000_000, 4_000_000, 4_000_000, 4_000_000, 4_000_000, 4_000_000, 4_000_000, 4_000_000 }, 0)]
    public void NewestRun_SizeClasses_OnlyEightOfOneClassAreJoined(long[] pairs, int expected)
    {
        // A segment many times larger than the newest ones is never rewritten with them.
        Assert.Equal(expected, SegmentCompaction.NewestRun(pairs));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(7, 0)]
    [InlineData(8, 1)]
    [InlineData(63, 1)]
    [InlineData(64, 2)]
    [InlineData(4_000_000, 7)]
    [InlineData(32_000_000, 8)]
    public void SizeClass_PowersOfEight(long pairs, int expected) => Assert.Equal(expected, SegmentCompaction.SizeClass(pairs));

    public void Dispose() => _database.Dispose();
}
