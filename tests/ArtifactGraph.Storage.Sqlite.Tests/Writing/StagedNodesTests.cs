using ArtifactGraph.Core.Graph;
using ArtifactGraph.Storage.Conformance;
using ArtifactGraph.Storage.Sqlite.Writing;
using Microsoft.Extensions.Time.Testing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Writing;

/// <summary>
/// New nodes are staged outside the (kind, key) index until a merge (StagedNodes): every node must still be stored once,
/// whatever the merge step, across rollbacks and across two writers on one file, and be found by key before and after.
/// </summary>
public sealed class StagedNodesTests : IDisposable
{
    private const string Duplicates = "SELECT count(*) FROM (SELECT 1 FROM nodes GROUP BY kind, key HAVING count(*) > 1);";
    private const string StagedCount = "SELECT count(*) FROM nodes WHERE staged = 1;";
    private readonly TempDatabase _database = new();

    /// <summary>Overlapping SBOMs: each shares packages with the ones before it and brings new ones.</summary>
    private static readonly TestDocument[] Sboms =
    [
        TestDocument.Sbom("one", "app-one", ("a", "1"), ("b", "1"), ("c", "1")),
        TestDocument.Sbom("two", "app-two", ("b", "1"), ("c", "1"), ("d", "1"), ("e", "1")),
        TestDocument.Sbom("three", "app-three", ("a", "1"), ("e", "1"), ("f", "1"), ("g", "1"), ("h", "1")),
        TestDocument.Sbom("four", "app-one", ("a", "2"), ("b", "1"), ("h", "1")),
    ];

    /// <summary>With the node cache off, every node the writer meets again is found through the staged map or the index.</summary>
    [Theory]
    [InlineData(0, 1_000_000)]
    [InlineData(1, 1_000_000)]
    [InlineData(3, 1_000_000)]
    [InlineData(7, 1_000_000)]
    [InlineData(65_536, 1_000_000)]
    [InlineData(3, 0)]
    [InlineData(65_536, 0)]
    public void Commit_AnyMergeStep_StoresEachNodeOnceAndKeepsTheStagedWithinTheStep(int mergeRows, int nodeCache)
    {
        var path = _database.NewPath();
        var expected = Graph(_database.NewPath(), 65_536, merge: true);
        using (var store = Open(path, mergeRows, nodeCache))
        {
            foreach (var document in Sboms)
            {
                store.Commit(document.Batch, document.Raw);
                Assert.InRange(TempDatabase.Scalar<long>(path, StagedCount), 0, Math.Max(mergeRows, 1));
            }

            Assert.Equal(0L, TempDatabase.Scalar<long>(path, Duplicates));
            Assert.Equal(expected, Answers(store));
        }

        Assert.Equal(0L, TempDatabase.Scalar<long>(path, StagedCount));
    }

    [Fact]
    public void Commit_BelowTheStep_StagesNewNodesAndCloseMergesThem()
    {
        var path = _database.NewPath();
        using (var store = Open(path, 65_536))
        {
            store.Commit(Sboms[0].Batch, Sboms[0].Raw);

            Assert.Equal(TempDatabase.Scalar<long>(path, "SELECT count(*) FROM nodes;"), TempDatabase.Scalar<long>(path, StagedCount));
        }

        Assert.Equal(0L, TempDatabase.Scalar<long>(path, StagedCount));
        using var reopened = Open(path, 65_536);
        reopened.Commit(Sboms[1].Batch, Sboms[1].Raw);
        Assert.Equal(0L, TempDatabase.Scalar<long>(path, Duplicates));
    }

    [Fact]
    public void Commit_RolledBackDocument_ItsStagedIdsAreNotReused()
    {
        // The rolled-back document staged app-one, a, b and c; their ids go to the next document's new nodes, so a map
        // that kept them would hand a's id (now another node's) to the next document that names a.
        var path = _database.NewPath();
        using var store = Open(path, 65_536);
        store.FaultInjection = stage =>
        {
            if (stage == CommitStage.EdgesWritten)
            {
                throw new InvalidOperationException($"fault at {stage}");
            }
        };
        Assert.Throws<InvalidOperationException>(() => store.Commit(Sboms[0].Batch, Sboms[0].Raw));
        store.FaultInjection = null;

        var other = TestDocument.Sbom("other", "app-other", ("x", "1"), ("y", "1"), ("z", "1"), ("w", "1"));
        store.Commit(other.Batch, other.Raw);
        foreach (var document in Sboms)
        {
            store.Commit(document.Batch, document.Raw);
        }

        Assert.Equal(0L, TempDatabase.Scalar<long>(path, Duplicates));
        Assert.Equal(Graph(_database.NewPath(), 65_536, merge: false, [other, .. Sboms]), Answers(store));
    }

    [Fact]
    public void Write_EdgesToNodesPastTheKeptIds_FindsThemAmongTheStaged()
    {
        // The document's own map of ids is dropped past MaxKeptIds, and with the node cache off only the staged map
        // (or the table) can tell the later chunk's edges the ids of the first chunk's nodes.
        var path = _database.NewPath();
        using var store = Open(path, 1 << 20, nodeCache: 0);
        var app = TestDocument.Version("app", "1");
        var packages = Enumerable.Range(0, SqliteDocumentWriter.MaxKeptIds + 10).Select(i => TestDocument.Version($"p{i}", "1")).ToList();
        var none = new Dictionary<string, string>();
        var doc = TestDocument.Create("large", _ => { });
        using (var writer = store.BeginDocument(doc.Sha256, doc.Raw))
        {
            writer.Write([new NodeRecord(app, "app", none), .. packages.Select(p => new NodeRecord(p, null, none))], []);
            writer.Write([], [.. packages.Take(3).Select(p => new EdgeRecord(EdgeKind.DependsOn, app, p, none))]);
            writer.Complete(doc.Batch);
        }

        Assert.Equal(3L, TempDatabase.Scalar<long>(path, $"SELECT count(*) FROM edges WHERE kind = {(int)EdgeKind.DependsOn};"));
        Assert.Single(store.GetEdgeDocuments(EdgeKind.DependsOn, app, packages[2]));
    }

    [Fact]
    public void Commit_NodeStagedByAnotherWriterOnTheFile_FoundNotStagedTwice()
    {
        var path = _database.NewPath();
        using var first = Open(path, 65_536);
        using var second = Open(path, 65_536);
        second.Commit(Sboms[1].Batch, Sboms[1].Raw);

        first.Commit(Sboms[0].Batch, Sboms[0].Raw);
        second.Commit(Sboms[2].Batch, Sboms[2].Raw);

        Assert.Equal(0L, TempDatabase.Scalar<long>(path, Duplicates));
        Assert.True(TempDatabase.Scalar<long>(path, StagedCount) > 0);
    }

    [Fact]
    public void Readers_StagedAndMergedNodes_FoundByKey()
    {
        var path = _database.NewPath();
        using var store = Open(path, 65_536);
        store.Commit(Sboms[0].Batch, Sboms[0].Raw);
        var staged = Answers(store);
        Assert.True(TempDatabase.Scalar<long>(path, StagedCount) > 0);

        store.MergeNodes();

        Assert.Equal(0L, TempDatabase.Scalar<long>(path, StagedCount));
        Assert.Equal(staged, Answers(store));
        Assert.Contains("pkg:npm/a@1", staged, StringComparison.Ordinal);
        Assert.Contains("one", staged, StringComparison.Ordinal);
    }

    [Fact]
    public void GetNodeProperties_StagedMergedAndAbsent_FindsTheStoredOnes()
    {
        var path = _database.NewPath();
        using var store = Open(path, 65_536);
        store.Commit(Sboms[0].Batch, Sboms[0].Raw);
        store.MergeNodes();
        store.Commit(Sboms[1].Batch, Sboms[1].Raw);
        var (merged, staged, absent) = (TestDocument.Version("a", "1"), TestDocument.Version("d", "1"), TestDocument.Version("nope", "1"));

        var properties = store.GetNodeProperties([merged, staged, absent]);

        Assert.Equal([merged, staged], properties.Keys.OrderBy(n => n.Key));
    }

    [Fact]
    public void Commit_ThenNoCommitForTheIdleTime_MergesTheStagedNodes()
    {
        var path = _database.NewPath();
        var time = new FakeTimeProvider();
        using var store = Open(path, 65_536, time: time, idleMs: 2_000);
        store.Commit(Sboms[0].Batch, Sboms[0].Raw);

        time.Advance(TimeSpan.FromMilliseconds(1_999));
        Assert.True(TempDatabase.Scalar<long>(path, StagedCount) > 0);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(0L, TempDatabase.Scalar<long>(path, StagedCount));
        Assert.Equal(Graph(_database.NewPath(), 65_536, merge: true, [Sboms[0]]), Answers(store));
    }

    [Fact]
    public void Commit_BeforeTheIdleTime_PushesTheMergeBack()
    {
        var path = _database.NewPath();
        var time = new FakeTimeProvider();
        using var store = Open(path, 65_536, time: time, idleMs: 2_000);
        store.Commit(Sboms[0].Batch, Sboms[0].Raw);
        time.Advance(TimeSpan.FromMilliseconds(1_500));
        store.Commit(Sboms[1].Batch, Sboms[1].Raw);

        time.Advance(TimeSpan.FromMilliseconds(1_500));
        Assert.True(TempDatabase.Scalar<long>(path, StagedCount) > 0);
        time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(0L, TempDatabase.Scalar<long>(path, StagedCount));
    }

    [Fact]
    public void Commit_IdleMergeOff_KeepsTheNodesStagedUntilClose()
    {
        var path = _database.NewPath();
        var time = new FakeTimeProvider();
        using (var store = Open(path, 65_536, time: time, idleMs: 0))
        {
            store.Commit(Sboms[0].Batch, Sboms[0].Raw);

            time.Advance(TimeSpan.FromHours(1));

            Assert.True(TempDatabase.Scalar<long>(path, StagedCount) > 0);
        }

        Assert.Equal(0L, TempDatabase.Scalar<long>(path, StagedCount));
    }

    [Fact]
    public void Dispose_StoreThatOnlyRead_DoesNotWaitForTheWriteLock()
    {
        // A query command closes its store while an ingest holds the file's write lock: with nothing staged by it, the
        // close must not try to merge (it would wait out the busy timeout, then log a failure).
        var path = _database.NewPath();
        using (var writer = Open(path, 65_536))
        {
            writer.Commit(Sboms[0].Batch, Sboms[0].Raw);
        }

        var log = new ListLogger();
        var reader = SqliteGraphStore.Open(new SqliteStoreOptions { Path = path, BusyTimeoutMs = 1_000 }, new FakeTimeProvider(), log);
        Assert.NotEmpty(reader.GetNodeProperties([TestDocument.Version("a", "1")]));
        using var ingest = TempDatabase.Connect(path);
        using var transaction = ingest.BeginTransaction(deferred: false);

        reader.Dispose();

        Assert.DoesNotContain(log.Messages, m => m.Contains("staged nodes", StringComparison.Ordinal));
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Keeps what the store logs.</summary>
    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger<SqliteGraphStore>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }

    private static SqliteGraphStore Open(string path, int mergeRows, int nodeCache = 1_000_000, FakeTimeProvider? time = null, int idleMs = 2_000) =>
        SqliteGraphStore.Open(new SqliteStoreOptions { Path = path, NodeMergeRows = mergeRows, NodeCacheCapacity = nodeCache, NodeMergeIdleMs = idleMs }, time ?? new FakeTimeProvider());

    /// <summary>The answers of a store that committed <paramref name="documents"/> (the SBOMs by default).</summary>
    private static string Graph(string path, int mergeRows, bool merge, TestDocument[]? documents = null)
    {
        using var store = Open(path, mergeRows);
        foreach (var document in documents ?? Sboms)
        {
            store.Commit(document.Batch, document.Raw);
        }

        if (merge)
        {
            store.MergeNodes();
        }

        return Answers(store);
    }

    /// <summary>The graph's edges by node keys, each with the documents asserting it, and every node's properties.</summary>
    private static string Answers(SqliteGraphStore store)
    {
        var sink = new RecordingLoadSink();
        store.Load(sink);
        var nodes = sink.Nodes.Values.Select(n => new NodeRef(n.Kind, n.Key)).ToList();
        var properties = store.GetNodeProperties(nodes);
        var edges = sink.EdgeRefs()
            .Select(e => $"{e.Kind} {e.From.Key} -> {e.To.Key}: {string.Join(", ", store.GetEdgeDocuments(e.Kind, e.From, e.To).Select(d => d.Name))}")
            .Order(StringComparer.Ordinal);
        var nodeLines = nodes
            .Select(n => $"{n.Kind} {n.Key} {string.Join(",", properties.TryGetValue(n, out var p) ? p.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}") : ["(none)"])}")
            .Order(StringComparer.Ordinal);
        return string.Join("\n", [.. nodeLines, .. edges]);
    }
}
