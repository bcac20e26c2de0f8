using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using Microsoft.Extensions.Time.Testing;
using static ArtifactGraph.Storage.Conformance.TestDocument;

namespace ArtifactGraph.Storage.Conformance;

/// <summary>
/// The behaviour every <see cref="IGraphStore"/> must show. A store's test project derives from this
/// class; a divergence is an overridden test skipped with a reason, never a silently missing test.
/// </summary>
public abstract partial class GraphStoreConformanceTests : IDisposable
{
    private readonly List<IGraphStore> _stores = [];

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero));

    /// <summary>A fresh, empty store using <paramref name="time"/> as its only clock.</summary>
    protected abstract IGraphStore CreateStore(TimeProvider time);

    /// <summary>A node's stored properties (not part of <see cref="IGraphStore"/>; read the store's own tables).</summary>
    protected abstract IReadOnlyDictionary<string, string> ReadNodeProperties(IGraphStore store, NodeRef node);

    /// <summary>The number of bytes the store keeps for a document's raw content.</summary>
    protected abstract long ReadStoredRawSize(IGraphStore store, string sha256);

    protected IGraphStore NewStore()
    {
        var store = CreateStore(Time);
        _stores.Add(store);
        return store;
    }

    [Fact]
    public void ChangeSequence_EmptyStore_IsZero()
    {
        var store = NewStore();

        Assert.Equal(0, store.ChangeSequence);
        Assert.Empty(store.ListDocuments());
    }

    [Fact]
    public void Commit_NewDocument_LoadReturnsNodesAndEdges()
    {
        var store = NewStore();
        var doc = Sbom("a", "app", ("left-pad", "1.3.0"), ("lodash", "4.17.21"));

        var result = store.Commit(doc.Batch, doc.Raw);

        var sink = new RecordingLoadSink();
        store.Load(sink);
        Assert.False(result.AlreadyPresent);
        Assert.Equal(doc.Batch.Nodes.Count, result.NodesAdded);
        Assert.Equal(doc.Batch.Edges.Count, result.EdgesAdded);
        Assert.Equal(
            doc.Batch.Nodes.Select(n => (n.Kind, n.Key, n.Name)).ToHashSet(),
            sink.Nodes.Values.ToHashSet());
        Assert.Equal(doc.Batch.Edges.Select(e => (e.Kind, e.From, e.To)).ToHashSet(), sink.EdgeRefs());
        Assert.Equal(sink.Edges.Count, sink.EdgeRefs().Count);
    }

    [Fact]
    public void Commit_SameDocumentTwice_ReturnsAlreadyPresentAndChangesNothing()
    {
        var store = NewStore();
        var doc = Sbom("a", "app", ("left-pad", "1.3.0"));
        var first = store.Commit(doc.Batch, doc.Raw);
        var statistics = store.GetStatistics();
        Time.Advance(TimeSpan.FromMinutes(5));

        var second = store.Commit(doc.Batch, doc.Raw);

        Assert.True(second.AlreadyPresent);
        Assert.Equal(0, second.NodesAdded);
        Assert.Equal(0, second.EdgesAdded);
        Assert.Equal(first.Sequence, second.Sequence);
        Assert.Equal(first.DocumentId, second.DocumentId);
        Assert.Equal(first.Sequence, store.ChangeSequence);
        Assert.Single(store.ListDocuments());
        AssertSameStatistics(statistics, store.GetStatistics());
    }

    [Fact]
    public void Commit_EdgeAssertedByTwoDocuments_StoresEdgeOnceWithBothDocuments()
    {
        var store = NewStore();
        var first = Sbom("first", "app", ("left-pad", "1.3.0"));
        var second = Sbom("second", "app", ("left-pad", "1.3.0"), ("lodash", "4.17.21"));
        store.Commit(first.Batch, first.Raw);

        var result = store.Commit(second.Batch, second.Raw);

        var sink = new RecordingLoadSink();
        store.Load(sink);
        var app = Version("app", "1.0.0");
        var leftPad = Version("left-pad", "1.3.0");
        Assert.Single(sink.Edges, e => e.Kind == EdgeKind.DependsOn && e.From == sink.IdOf(app) && e.To == sink.IdOf(leftPad));
        // Only lodash's edge and the second document's own DESCRIBES edge are new.
        Assert.Equal(2, result.EdgesAdded);
        Assert.Equal(2, store.GetStatistics().Edges[EdgeKind.DependsOn]);
        var documents = store.GetEdgeDocuments(EdgeKind.DependsOn, app, leftPad);
        Assert.Equal([first.Sha256, second.Sha256], documents.Select(d => d.Sha256));
        Assert.Equal([second.Sha256], store.GetEdgeDocuments(EdgeKind.DependsOn, app, Version("lodash", "4.17.21")).Select(d => d.Sha256));
    }

    [Fact]
    public void GetEdgeDocuments_UnknownEdge_ReturnsEmpty()
    {
        var store = NewStore();
        var doc = Sbom("a", "app", ("left-pad", "1.3.0"));
        store.Commit(doc.Batch, doc.Raw);

        Assert.Empty(store.GetEdgeDocuments(EdgeKind.Contains, Version("app", "1.0.0"), Version("left-pad", "1.3.0")));
        Assert.Empty(store.GetEdgeDocuments(EdgeKind.DependsOn, Version("left-pad", "1.3.0"), Version("app", "1.0.0")));
    }

    /// <summary>
    /// The failing batch is made deterministic without a store hook: its last node has a null key, which
    /// every store's NOT NULL key column rejects after the document row and the earlier nodes were written.
    /// </summary>
    [Fact]
    public void Commit_FailsMidway_LeavesNothingAndLaterCommitSucceeds()
    {
        var store = NewStore();
        var app = Version("app", "1.0.0");
        var broken = Create(
            "broken",
            b =>
            {
                b.AddNode(app, "app");
                b.AddNode(Version("left-pad", "1.3.0"), "left-pad");
                b.AddEdge(EdgeKind.DependsOn, app, Version("left-pad", "1.3.0"));
                b.AddNode(new NodeRef(NodeKind.Package, null!), "no key");
            },
            subject: app);

        Assert.ThrowsAny<Exception>(() => store.Commit(broken.Batch, broken.Raw));

        Assert.False(store.ContainsDocument(broken.Sha256));
        Assert.Null(store.GetRawDocument(broken.Sha256));
        Assert.Equal(0, store.ChangeSequence);
        Assert.Empty(store.ListDocuments());
        var statistics = store.GetStatistics();
        Assert.Equal(0, statistics.Documents);
        Assert.Empty(statistics.Nodes);
        Assert.Empty(statistics.Edges);

        var good = Sbom("good", "app", ("left-pad", "1.3.0"));
        var result = store.Commit(good.Batch, good.Raw);
        Assert.False(result.AlreadyPresent);
        Assert.Equal(good.Batch.Nodes.Count, result.NodesAdded);
        Assert.Equal(good.Batch.Edges.Count, result.EdgesAdded);
        Assert.True(store.ContainsDocument(good.Sha256));
    }

    [Fact]
    public void Commit_SuccessiveDocuments_ChangeSequenceStrictlyIncreases()
    {
        var store = NewStore();
        var sequences = new List<long>();

        for (var i = 0; i < 5; i++)
        {
            var doc = Sbom($"doc {i}", "app", ($"dep{i}", "1.0.0"));
            var result = store.Commit(doc.Batch, doc.Raw);
            Assert.Equal(result.Sequence, store.ChangeSequence);
            sequences.Add(result.Sequence);
        }

        Assert.True(sequences[0] > 0);
        Assert.All(sequences.Zip(sequences.Skip(1)), p => Assert.True(p.Second > p.First, $"{p.Second} does not follow {p.First}"));
        Assert.Equal(sequences, store.ListDocuments().Select(d => d.Sequence));
    }

    [Fact]
    public void Commit_ExistingNode_KeepsExistingPropertiesAddsNewOnesAndFillsMissingName()
    {
        var store = NewStore();
        var node = Package("left-pad");
        var first = Create("first", b => b.AddNode(node, null, [new("cdx:description", "pads"), new("cdx:author", "azer")]));
        var second = Create("second", b => b.AddNode(node, "left-pad", [new("cdx:description", "changed"), new("spdx:supplier", "npm")]));
        store.Commit(first.Batch, first.Raw);

        var result = store.Commit(second.Batch, second.Raw);

        // The second document's own Document node is its only new node.
        Assert.Equal(1, result.NodesAdded);
        Assert.Equal(
            new Dictionary<string, string> { ["cdx:description"] = "pads", ["cdx:author"] = "azer", ["spdx:supplier"] = "npm" },
            ReadNodeProperties(store, node).OrderBy(p => p.Key).ToDictionary());
        var sink = new RecordingLoadSink();
        store.Load(sink);
        Assert.Equal("left-pad", sink.Nodes[sink.IdOf(node)].Name);
    }

    [Fact]
    public void Commit_ExistingNodeWithName_KeepsFirstName()
    {
        var store = NewStore();
        var node = Package("left-pad");
        var first = Create("first", b => b.AddNode(node, "left-pad"));
        var second = Create("second", b => b.AddNode(node, "renamed"));
        store.Commit(first.Batch, first.Raw);

        store.Commit(second.Batch, second.Raw);

        var sink = new RecordingLoadSink();
        store.Load(sink);
        Assert.Equal("left-pad", sink.Nodes[sink.IdOf(node)].Name);
    }

    [Fact]
    public void GetRawDocument_CompressibleDocument_RoundTripsAndIsStoredSmaller()
    {
        var store = NewStore();
        var content = string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"name\":\"component-{i}\",\"version\":\"1.0.{i % 7}\"}},"));
        var doc = Create(content, b => b.AddNode(Package("x"), "x"));

        store.Commit(doc.Batch, doc.Raw);

        Assert.Equal(doc.Raw, store.GetRawDocument(doc.Sha256));
        var stored = ReadStoredRawSize(store, doc.Sha256);
        Assert.True(stored < doc.Raw.Length / 4, $"stored {stored} bytes for {doc.Raw.Length}");
    }

    [Fact]
    public void GetRawDocument_IncompressibleDocument_RoundTrips()
    {
        var store = NewStore();
        var raw = new byte[4096];
        new Random(42).NextBytes(raw);
        var doc = Create(raw, b => b.AddNode(Package("x"), "x"));

        store.Commit(doc.Batch, doc.Raw);

        Assert.Equal(raw, store.GetRawDocument(doc.Sha256));
    }

    [Fact]
    public void GetRawDocument_UnknownDocument_ReturnsNull()
    {
        var store = NewStore();

        Assert.Null(store.GetRawDocument(new string('0', 64)));
        Assert.False(store.ContainsDocument(new string('0', 64)));
    }

    [Fact]
    public void GetStatistics_AfterCommits_CountsPerKindAndOmitsEmptyKinds()
    {
        var store = NewStore();
        var first = Sbom("first", "app", ("left-pad", "1.3.0"), ("lodash", "4.17.21"));
        var second = Create(
            "second",
            b =>
            {
                var version = b.AddNode(Version("lodash", "4.17.21"), "lodash");
                var package = b.AddNode(Package("lodash"), "lodash");
                b.AddEdge(EdgeKind.VersionOf, version, package);
            });
        store.Commit(first.Batch, first.Raw);
        store.Commit(second.Batch, second.Raw);

        var statistics = store.GetStatistics();

        Assert.Equal(2, statistics.Documents);
        Assert.Equal(
            new Dictionary<NodeKind, long> { [NodeKind.PackageVersion] = 3, [NodeKind.Package] = 1, [NodeKind.Document] = 2 },
            statistics.Nodes.ToDictionary());
        Assert.Equal(
            new Dictionary<EdgeKind, long> { [EdgeKind.DependsOn] = 2, [EdgeKind.Describes] = 1, [EdgeKind.VersionOf] = 1 },
            statistics.Edges.ToDictionary());
    }

    [Fact]
    public void Commit_IngestedAt_ComesFromInjectedTimeProvider()
    {
        var store = NewStore();
        var first = Sbom("first", "app");
        var second = Sbom("second", "app");
        var firstAt = Time.GetUtcNow();
        store.Commit(first.Batch, first.Raw);
        Time.Advance(TimeSpan.FromHours(3));

        store.Commit(second.Batch, second.Raw);

        var documents = store.ListDocuments();
        Assert.Equal([firstAt, firstAt.AddHours(3)], documents.Select(d => d.IngestedAt));
    }

    [Fact]
    public void ListDocuments_AfterCommits_ReturnsSummariesInSequenceOrder()
    {
        var store = NewStore();
        var first = Sbom("first", "app", ("left-pad", "1.3.0"));
        var second = Create("second", b => b.AddNode(Package("x"), "x"));
        var r1 = store.Commit(first.Batch, first.Raw);
        var r2 = store.Commit(second.Batch, second.Raw);

        var documents = store.ListDocuments();

        Assert.Equal(2, documents.Count);
        Assert.Equal(new DocumentSummary(r1.DocumentId, first.Sha256, "Conformance-Test", first.Batch.Document.Name, Time.GetUtcNow(), r1.Sequence, Version("app", "1.0.0"), Time.GetUtcNow(), null) { Properties = first.Batch.Document.Properties }, documents[0] with { Properties = first.Batch.Document.Properties });
        Assert.Equal(new DocumentSummary(r2.DocumentId, second.Sha256, "Conformance-Test", second.Batch.Document.Name, Time.GetUtcNow(), r2.Sequence, null, Time.GetUtcNow(), null) { Properties = second.Batch.Document.Properties }, documents[1] with { Properties = second.Batch.Document.Properties });
    }

    [Fact]
    public void Commit_OverlappingDocument_CountsOnlyNewNodes()
    {
        var store = NewStore();
        var first = Sbom("first", "app", ("left-pad", "1.3.0"));
        var second = Sbom("second", "other", ("left-pad", "1.3.0"));
        store.Commit(first.Batch, first.Raw);

        var result = store.Commit(second.Batch, second.Raw);

        // New: other@1.0.0 and the second Document node; left-pad already existed.
        Assert.Equal(2, result.NodesAdded);
        Assert.Equal(2, result.EdgesAdded);
        var nodes = store.GetStatistics().Nodes;
        Assert.Equal(3, nodes[NodeKind.PackageVersion]);
        Assert.Equal(2, nodes[NodeKind.Document]);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var store in _stores)
            {
                store.Dispose();
            }

            _stores.Clear();
        }
    }

    private static void AssertSameStatistics(StoreStatistics expected, StoreStatistics actual)
    {
        Assert.Equal(expected.Documents, actual.Documents);
        Assert.Equal(expected.Nodes.ToDictionary(), actual.Nodes.ToDictionary());
        Assert.Equal(expected.Edges.ToDictionary(), actual.Edges.ToDictionary());
    }
}
