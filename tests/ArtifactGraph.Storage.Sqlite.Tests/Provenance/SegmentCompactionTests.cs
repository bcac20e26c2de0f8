using ArtifactGraph.Storage.Conformance;
using ArtifactGraph.Storage.Sqlite.Provenance;
using Microsoft.Extensions.Time.Testing;

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

    [Fact]
    public void Merge_EveryDocument_JoinsInOneBlockSlicesAnswerTheSameAtEveryStep()
    {
        // One pair per slice: a join moves one block after each document (and one after each merge), so joins stay
        // under way across many commits, and every read in between sees each block in exactly one segment.
        var documents = SharingDocuments(80);
        var path = _database.NewPath();
        using var sliced = Open(path, compactionPairs: 1);
        using var staged = ProvenanceMergerTests.Open(_database.NewPath(), mergeIds: long.MaxValue);
        var underWay = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            sliced.Commit(documents[i].Batch, documents[i].Raw);
            staged.Commit(documents[i].Batch, documents[i].Raw);
            underWay += (int)TempDatabase.Scalar<long>(path, "SELECT count(*) FROM provenance_compaction;");
            if (i % 9 == 0)
            {
                var seen = documents.Take(i + 1).ToList();
                Assert.Equal(ProvenanceAnswers.Of(staged, seen), ProvenanceAnswers.Of(sliced, seen));
                AssertEveryPairOnce(path);
            }
        }

        Assert.True(underWay >= 3, $"joins were under way after only {underWay} documents");
        Assert.Equal(ProvenanceAnswers.Of(staged, documents), ProvenanceAnswers.Of(sliced, documents));
        AssertEveryPairOnce(path);
    }

    [Fact]
    public void Reopen_JoinUnderWay_GoesOnWhereItStopped()
    {
        var documents = SharingDocuments(80);
        var path = _database.NewPath();
        var committed = 0;
        using (var store = Open(path, compactionPairs: 1))
        {
            while (TempDatabase.Scalar<long>(path, "SELECT count(*) FROM provenance_compaction;") == 0)
            {
                store.Commit(documents[committed].Batch, documents[committed].Raw);
                committed++;
            }
        }

        var stoppedAt = TempDatabase.Scalar<long>(path, "SELECT edge_next FROM provenance_compaction;");
        using var reopened = Open(path, compactionPairs: 1_000_000);
        reopened.Commit(documents[committed].Batch, documents[committed].Raw);

        // The next document's slice finished the join (a million pairs): the joined segments are gone.
        Assert.Equal(0L, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM provenance_compaction;"));
        Assert.True(stoppedAt >= 0);
        using var reference = ProvenanceMergerTests.Open(_database.NewPath(), mergeIds: long.MaxValue);
        var seen = documents.Take(committed + 1).ToList();
        foreach (var document in seen)
        {
            reference.Commit(document.Batch, document.Raw);
        }

        Assert.Equal(ProvenanceAnswers.Of(reference, seen), ProvenanceAnswers.Of(reopened, seen));
        AssertEveryPairOnce(path);
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

    private static SqliteGraphStore Open(string path, long compactionPairs) =>
        SqliteGraphStore.Open(
            new SqliteStoreOptions { Path = path, ProvenanceMergeIds = 0, ProvenanceCompactionPairs = compactionPairs },
            new FakeTimeProvider(ProvenanceAnswers.Monday));

    /// <summary>
    /// Documents sharing one edge (every one asserts app -> dep), each also bringing a dozen of its own: the later joins
    /// span several blocks of 256 rows, so a one-block slice leaves them under way.
    /// </summary>
    private static List<TestDocument> SharingDocuments(int count) =>
        [.. Enumerable.Range(0, count).Select(i => TestDocument.Sbom($"doc-{i}", "app", [("dep", "1.0.0"), .. Enumerable.Range(0, 12).Select(j => ($"own-{i}-{j}", "1.0.0"))]))];

    /// <summary>Every pair the documents' lists hold is in the blocks once, and the segments count them all.</summary>
    private static void AssertEveryPairOnce(string path)
    {
        var listed = TempDatabase.Scalar<long>(path, "SELECT sum(edge_count + node_count) FROM document_rows;");
        var pairs = MergedPairs.Of(path, "edge_document_blocks").Concat(MergedPairs.Of(path, "node_document_blocks")).ToList();
        Assert.Equal(listed, pairs.Count);
        Assert.Equal(listed, TempDatabase.Scalar<long>(path, "SELECT sum(pairs) FROM provenance_segments;"));
    }
}
