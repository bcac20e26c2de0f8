using ArtifactGraph.Core.Graph;
using ArtifactGraph.Storage.Conformance;
using ArtifactGraph.Storage.Sqlite.Provenance;
using Microsoft.Extensions.Time.Testing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Provenance;

/// <summary>
/// Provenance is staged per document at commit and merged into the row-keyed indexes later; every answer must
/// be the same whichever side of a merge a document is on, right after each commit.
/// </summary>
public sealed class ProvenanceMergerTests : IDisposable
{
    private const long Never = long.MaxValue;

    private readonly TempDatabase _database = new();

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Answers_MergedAfterAnyDocument_SameAsMergedAfterEveryDocument(int mergeAfter)
    {
        var documents = ProvenanceAnswers.Documents();
        using var reference = Open(_database.NewPath(), mergeIds: 0);
        var path = _database.NewPath();
        using var store = Open(path, Never);

        for (var i = 0; i < documents.Count; i++)
        {
            reference.Commit(documents[i].Batch, documents[i].Raw);
            store.Commit(documents[i].Batch, documents[i].Raw);
            if (i == mergeAfter)
            {
                store.MergeProvenance();
            }

            var committed = documents.Take(i + 1).ToList();
            Assert.Equal(ProvenanceAnswers.Of(reference, committed), ProvenanceAnswers.Of(store, committed));
        }

        Assert.Equal(documents.Count - 1 - mergeAfter, StagedDocuments(path));
        var before = ProvenanceAnswers.Of(store, documents);
        store.MergeProvenance();
        Assert.Equal(0, StagedDocuments(path));
        Assert.Equal(before, ProvenanceAnswers.Of(store, documents));
    }

    [Fact]
    public void Load_NewerDocumentStagedOlderMerged_OlderIsSupersededAcrossTheBoundary()
    {
        var path = _database.NewPath();
        using var store = Open(path, Never);
        var old = ProvenanceAnswers.ImageDocument("old", ProvenanceAnswers.Monday, "left-pad", "lodash");
        var @new = ProvenanceAnswers.ImageDocument("new", ProvenanceAnswers.Monday.AddDays(1), "lodash", "express");
        store.Commit(old.Batch, old.Raw);
        store.MergeProvenance();

        store.Commit(@new.Batch, @new.Raw);

        Assert.Equal(1, StagedDocuments(path));
        var sink = new RecordingLoadSink();
        store.Load(sink);
        Assert.Equal(
            ["pkg:npm/express@1.0.0", "pkg:npm/lodash@1.0.0"],
            sink.EdgeRefs().Where(e => e.Kind == EdgeKind.Contains).Select(e => e.To.Key).Order(StringComparer.Ordinal));
        var lodash = store.GetEdgeDocuments(EdgeKind.Contains, ProvenanceAnswers.Image, TestDocument.Version("lodash", "1.0.0"));
        Assert.Equal([old.Batch.Document.Name, @new.Batch.Document.Name], lodash.Select(d => d.Name));
        Assert.Equal([false, true], lodash.Select(d => d.IsCurrent));
        Assert.Single(store.GetEdgeDocuments(EdgeKind.Contains, ProvenanceAnswers.Image, TestDocument.Version("left-pad", "1.0.0")));
    }

    [Fact]
    public void Open_CrashBetweenCommitAndMerge_AnswersFromStagedListsThenMerges()
    {
        var documents = ProvenanceAnswers.Documents();
        var path = _database.NewPath();
        var crashed = _database.NewPath();
        string expected;
        using (var store = Open(path, Never))
        {
            foreach (var document in documents)
            {
                store.Commit(document.Batch, document.Raw);
            }

            expected = ProvenanceAnswers.Of(store, documents);

            // The files as a killed process leaves them: committed in the WAL, never merged, never closed.
            File.Copy(path + "-wal", crashed + "-wal");
            File.Copy(path, crashed);
        }

        Assert.Equal(documents.Count, StagedDocuments(crashed));
        using (var reopened = Open(crashed, Never))
        {
            Assert.Equal(expected, ProvenanceAnswers.Of(reopened, documents));
        }

        // Closing merged what the crashed process left staged.
        Assert.Equal(0, StagedDocuments(crashed));
        Assert.NotEmpty(MergedPairs.Of(crashed, "edge_document_blocks"));
        using var merged = Open(crashed, Never);
        Assert.Equal(expected, ProvenanceAnswers.Of(merged, documents));
    }

    [Fact]
    public void Commit_StagedIdsReachTheThreshold_MergesAfterTheCommit()
    {
        var path = _database.NewPath();
        using var store = Open(path, mergeIds: 20);
        var documents = ProvenanceAnswers.Documents();

        // The first image document stages 9 ids (5 nodes, 4 edges), the second 4 (3 nodes, 1 edge): the third crosses 20.
        store.Commit(documents[0].Batch, documents[0].Raw);
        store.Commit(documents[1].Batch, documents[1].Raw);
        Assert.Equal(2, StagedDocuments(path));
        Assert.Equal(13L, TempDatabase.Scalar<long>(path, "SELECT sum(edge_count + node_count) FROM document_rows;"));
        store.Commit(documents[2].Batch, documents[2].Raw);

        Assert.Equal(0, StagedDocuments(path));
        Assert.Equal(3L, TempDatabase.Scalar<long>(path, "SELECT merged_through FROM provenance_merge;"));
    }

    [Theory]
    [InlineData(long.MaxValue, 5)]
    [InlineData(40L, 6)]
    public void Commit_MergeStep_GrowsToHalfTheMergedIdsUpToTheCap(long maxIds, int expectedMerges)
    {
        // Each document stages 7 ids; the floor is 20. Uncapped, merges come after 3, 3, 3 (half of 42 is 21), 5 and
        // 7 documents (half of 98 is 49); capped at 40, after 3, 3, 3, 5 and then every 6 documents (42 ids).
        var path = _database.NewPath();
        using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = path, ProvenanceMergeIds = 20, ProvenanceMergeMaxIds = maxIds }, new FakeTimeProvider(ProvenanceAnswers.Monday));
        long merged = 0, staged = 0;
        var merges = 0;
        for (var i = 0; i < 30; i++)
        {
            var doc = TestDocument.Sbom($"grow-{i}", $"app-{i}", ("dep", "1.0.0"), ($"other-{i}", "1.0.0"));
            store.Commit(doc.Batch, doc.Raw);
            staged += TempDatabase.Scalar<long>(path, "SELECT edge_count + node_count FROM document_rows ORDER BY document_id DESC LIMIT 1;");
            if (staged >= Math.Max(20, Math.Min(maxIds, merged / 2)))
            {
                Assert.Equal(0, StagedDocuments(path));
                (merged, staged) = (merged + staged, 0);
                merges++;
            }
            else
            {
                Assert.NotEqual(0, StagedDocuments(path));
            }
        }

        Assert.Equal(expectedMerges, merges);
        Assert.Equal(merged, TempDatabase.Scalar<long>(path, "SELECT sum(edge_count + node_count) FROM document_rows WHERE document_id <= (SELECT merged_through FROM provenance_merge);"));
    }

    [Fact]
    public void Open_AfterMerges_CountsTheMergedIdsForTheNextStep()
    {
        // A reopened store resumes the grown step: it counts what earlier processes merged.
        var path = _database.NewPath();
        using (var first = SqliteGraphStore.Open(new SqliteStoreOptions { Path = path, ProvenanceMergeIds = 20 }, new FakeTimeProvider(ProvenanceAnswers.Monday)))
        {
            for (var i = 0; i < 12; i++)
            {
                var doc = TestDocument.Sbom($"before-{i}", $"app-{i}", ("dep", "1.0.0"), ($"other-{i}", "1.0.0"));
                first.Commit(doc.Batch, doc.Raw);
            }
        }

        // 84 ids merged on close: the next step is 42 ids, so five more 7-id documents stay staged and the sixth merges.
        using var second = SqliteGraphStore.Open(new SqliteStoreOptions { Path = path, ProvenanceMergeIds = 20 }, new FakeTimeProvider(ProvenanceAnswers.Monday));
        for (var i = 0; i < 6; i++)
        {
            var doc = TestDocument.Sbom($"after-{i}", $"app-after-{i}", ("dep", "1.0.0"), ($"other-after-{i}", "1.0.0"));
            second.Commit(doc.Batch, doc.Raw);
            Assert.Equal(i < 5 ? i + 1 : 0, StagedDocuments(path));
        }
    }

    [Fact]
    public async Task GetEdgeDocuments_WhileCommitsAndMergesRun_NeverLosesOrRepeatsADocument()
    {
        var path = _database.NewPath();
        using var store = Open(path, mergeIds: 20);
        var app = TestDocument.Version("app", "1.0.0");
        var dep = TestDocument.Version("dep", "1.0.0");
        const int Documents = 60;
        var reads = 0;
        using var done = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            var seen = 0;
            while (!done.IsCancellationRequested)
            {
                var asserting = store.GetEdgeDocuments(EdgeKind.DependsOn, app, dep);
                Assert.Equal(asserting.Count, asserting.Select(d => d.Id).Distinct().Count());
                Assert.True(asserting.Count >= seen, $"{asserting.Count} documents after {seen}: a merge hid some.");
                seen = asserting.Count;
                Interlocked.Increment(ref reads);
            }
        });

        // The reader must run between the commits (and the merges they trigger), however the pool schedules it:
        // after each commit, wait until it has read again.
        for (var i = 0; i < Documents; i++)
        {
            var doc = TestDocument.Sbom($"concurrent-{i}", "app", ("dep", "1.0.0"), ($"other-{i}", "1.0.0"));
            store.Commit(doc.Batch, doc.Raw);
            var before = Volatile.Read(ref reads);
            SpinWait.SpinUntil(() => Volatile.Read(ref reads) > before || reader.IsCompleted, TimeSpan.FromSeconds(10));
        }

        done.Cancel();
        await reader;
        Assert.True(reads >= Documents, $"{reads} reads for {Documents} commits");
        Assert.Equal(Documents, store.GetEdgeDocuments(EdgeKind.DependsOn, app, dep).Count);
    }

    [Fact]
    public void Merge_LoneLargeDocument_SameIndexAsMergedWithOthers()
    {
        // More than RowIdCollector.BitsetFrom edge and node ids: collected in bitsets, and merged alone it is
        // read straight from its list into hundreds of blocks; merged with two small documents whose rows it
        // shares, its pairs are interleaved with theirs by the heap.
        const int Packages = 70_000;
        var large = ProvenanceAnswers.ImageDocument("large", ProvenanceAnswers.Monday, [.. Enumerable.Range(0, Packages).Select(i => $"p{i}")]);
        var small = TestDocument.Sbom("small", "app", ("p5", "1.0.0"), ("p69999", "1.0.0"));
        var before = ProvenanceAnswers.ImageDocument("before", ProvenanceAnswers.Monday.AddDays(-1), "p0", "p1", "p69998");
        TestDocument[] documents = [before, large, small];
        var alone = _database.NewPath();
        var together = _database.NewPath();
        string staged;
        using (var store = Open(alone, Never))
        {
            foreach (var document in documents)
            {
                store.Commit(document.Batch, document.Raw);
                staged = Sample(store, large);
                store.MergeProvenance();
                Assert.Equal(staged, Sample(store, large));
            }
        }

        using (var store = Open(together, Never))
        {
            foreach (var document in documents)
            {
                store.Commit(document.Batch, document.Raw);
            }

            staged = Sample(store, large);
            store.MergeProvenance();
            Assert.Equal(staged, Sample(store, large));
        }

        Assert.True(TempDatabase.Scalar<long>(alone, "SELECT min(edge_count, node_count) FROM document_rows WHERE document_id = 2;") > RowIdCollector.BitsetFrom);
        foreach (var index in new[] { "edge_document_blocks", "node_document_blocks" })
        {
            Assert.Equal(MergedPairs.Of(alone, index), MergedPairs.Of(together, index));
        }

        // Every pair the lists hold is in the index, and nothing else.
        Assert.Equal(TempDatabase.Scalar<long>(together, "SELECT sum(edge_count) FROM document_rows;"), MergedPairs.Of(together, "edge_document_blocks").Count);
        Assert.Equal(TempDatabase.Scalar<long>(together, "SELECT sum(node_count) FROM document_rows;"), MergedPairs.Of(together, "node_document_blocks").Count);
        Assert.Equal(
            TempDatabase.Scalar<long>(together, "SELECT sum(edge_count + node_count) FROM document_rows;"),
            TempDatabase.Scalar<long>(together, "SELECT sum(pairs) FROM provenance_segments;"));
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Provenance answers for some of the large document's edges, those other documents share among them.</summary>
    private static string Sample(SqliteGraphStore store, TestDocument large) =>
        string.Join(
            "\n",
            large.Batch.Edges.Where((_, i) => i % 997 == 0 || i is 1 or 5 or 69_998 or 69_999)
                .Select(e => $"{e.To.Key}: {string.Join(", ", store.GetEdgeDocuments(e.Kind, e.From, e.To).Select(d => $"{d.Name} {d.IsCurrent}"))}"));

    internal static SqliteGraphStore Open(string path, long mergeIds) =>
        SqliteGraphStore.Open(new SqliteStoreOptions { Path = path, ProvenanceMergeIds = mergeIds }, new FakeTimeProvider(ProvenanceAnswers.Monday));

    internal static int StagedDocuments(string path) =>
        (int)TempDatabase.Scalar<long>(path, "SELECT count(*) FROM document_rows WHERE document_id > (SELECT merged_through FROM provenance_merge);");
}
