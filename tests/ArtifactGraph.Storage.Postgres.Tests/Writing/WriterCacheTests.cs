using ArtifactGraph.Core.Graph;
using ArtifactGraph.Storage.Conformance;
using ArtifactGraph.Storage.Postgres.Writing;
using ArtifactGraph.TestSupport;
using Microsoft.Extensions.Time.Testing;
using static ArtifactGraph.Storage.Conformance.TestDocument;

namespace ArtifactGraph.Storage.Postgres.Tests.Writing;

/// <summary>The writer's row cache: hits skip the server, a rollback forgets, several writers stay correct.</summary>
public sealed class WriterCacheTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private PostgresGraphStore Open(string schema, int nodeCache = 1_000, int edgeCache = 1_000) =>
        PostgresGraphStore.Open(
            new PostgresStoreOptions { ConnectionString = database.ConnectionString, Schema = schema, NodeCacheCapacity = nodeCache, EdgeCacheCapacity = edgeCache },
            new FakeTimeProvider());

    /// <summary>
    /// The stored row is re-keyed behind the writer's back: a cache hit uses the id it knows and asks nothing,
    /// so no second row appears under the old key; without the cache the writer would insert one.
    /// </summary>
    [Fact]
    public void Commit_NodeSeenInEarlierDocument_IsTakenFromTheCacheNotTheServer()
    {
        var schema = database.NewSchema();
        using var store = Open(schema);
        var first = Sbom("first", "app", ("left-pad", "1.3.0"));
        store.Commit(first.Batch, first.Raw);
        var id = database.Scalar<long>(schema, "SELECT id FROM nodes WHERE key = 'pkg:npm/left-pad@1.3.0';");
        database.Scalar<long>(schema, "WITH u AS (UPDATE nodes SET key = 'moved' WHERE id = $1 RETURNING id) SELECT count(*) FROM u;", id);

        var second = Sbom("second", "other", ("left-pad", "1.3.0"));
        var result = store.Commit(second.Batch, second.Raw);

        Assert.Equal(0L, database.Scalar<long>(schema, "SELECT count(*) FROM nodes WHERE key = 'pkg:npm/left-pad@1.3.0';"));
        Assert.Equal(2, result.NodesAdded); // the other application and the document's own node
        Assert.Contains(id, database.Scalar<long[]>(schema, "SELECT node_ids FROM document_rows WHERE document_id = $1;", result.DocumentId));
    }

    [Fact]
    public void Commit_NodeWithNewProperties_IsMergedDespiteTheCache()
    {
        var schema = database.NewSchema();
        using var store = Open(schema);
        var node = Version("left-pad", "1.3.0");
        var first = Create("first", b => b.AddNode(node, "left-pad", [new("a", "1")]));
        var second = Create("second", b => b.AddNode(node, "left-pad", [new("b", "2")]));
        store.Commit(first.Batch, first.Raw);
        store.Commit(second.Batch, second.Raw);

        var properties = store.GetNodeProperties([node])[node];

        Assert.Equal("1", properties["a"]);
        Assert.Equal("2", properties["b"]);
    }

    /// <summary>Ids handed out by a rolled-back transaction never existed: the cache must not keep them.</summary>
    [Fact]
    public void Dispose_WithoutComplete_ClearsTheCacheSoTheNextDocumentWritesItsRows()
    {
        var schema = database.NewSchema();
        using var store = Open(schema);
        var doc = Sbom("rolled-back", "app", ("left-pad", "1.3.0"));
        using (var writer = store.BeginDocument(doc.Sha256, doc.Raw))
        {
            writer.Write(doc.Batch.Nodes, doc.Batch.Edges);
            Assert.True(store.Cache.Nodes.Count > 0);
        }

        Assert.Equal(0, store.Cache.Nodes.Count);
        Assert.Equal(0, store.Cache.Edges.Count);
        store.Commit(doc.Batch, doc.Raw);

        var sink = new RecordingLoadSink();
        store.Load(sink);
        Assert.Contains((EdgeKind.DependsOn, Version("app", "1.0.0"), Version("left-pad", "1.3.0")), sink.EdgeRefs());
        Assert.Equal(3L, database.Scalar<long>(schema, "SELECT count(*) FROM nodes;")); // app, left-pad, the document
    }

    /// <summary>
    /// Two stores (two ingest jobs) on one schema, each with its own cache. Live keys are latest-wins, so a
    /// writer whose cache saw the same input before must still send it after the other writer changed it.
    /// </summary>
    [Fact]
    public void Commit_TwoWritersOnOneServer_LiveKeysFollowTheLatestDocumentAndIdsAgree()
    {
        var schema = database.NewSchema();
        using var one = Open(schema);
        using var two = Open(schema);
        var deployment = new NodeRef(NodeKind.Deployment, "prod/cluster/ns/api");
        TestDocument Inventory(string content, string replicas) =>
            Create(content, b => b.AddNode(deployment, "api", [new("live:replicas", replicas)]));

        var a = Inventory("a", "3");
        one.Commit(a.Batch, a.Raw);
        var b = Inventory("b", "5");
        two.Commit(b.Batch, b.Raw);
        var c = Inventory("c", "3");
        one.Commit(c.Batch, c.Raw);

        Assert.Equal("3", two.GetNodeProperties([deployment])[deployment]["live:replicas"]);
        var shared = Sbom("shared-1", "app", ("left-pad", "1.3.0"));
        var again = Sbom("shared-2", "app", ("left-pad", "1.3.0"));
        one.Commit(shared.Batch, shared.Raw);
        Assert.Equal(1, two.Commit(again.Batch, again.Raw).EdgesAdded); // only its document's DESCRIBES edge
        Assert.Equal(1L, database.Scalar<long>(schema, "SELECT count(*) FROM edges WHERE kind = $1;", (int)EdgeKind.DependsOn));
    }

    /// <summary>With the cache off every row goes to the server: the merge of stored rows (the second statement) runs.</summary>
    [Fact]
    public void Commit_CacheOff_MergesStoredRowsAndRecordsTheirProvenance()
    {
        var schema = database.NewSchema();
        using var store = Open(schema, nodeCache: 0, edgeCache: 0);
        var node = Version("left-pad", "1.3.0");
        var first = Create("first", b => b.AddNode(node, null, [new("a", "1")]));
        var second = Create("second", b => b.AddNode(node, "left-pad", [new("a", "9"), new("b", "2")]));
        store.Commit(first.Batch, first.Raw);
        var result = store.Commit(second.Batch, second.Raw);

        var properties = store.GetNodeProperties([node])[node];
        Assert.Equal(("1", "2"), (properties["a"], properties["b"]));
        Assert.Equal("left-pad", database.Scalar<string>(schema, "SELECT name FROM nodes WHERE key = 'pkg:npm/left-pad@1.3.0';"));
        Assert.Equal(1, result.NodesAdded); // only the second document's own node
        Assert.Equal(0, store.Cache.Nodes.Count);
        Assert.Equal(2, database.Scalar<long[]>(schema, "SELECT node_ids FROM document_rows WHERE document_id = $1;", result.DocumentId).Length);
    }

    [Fact]
    public void SortedDistinct_UnorderedWithRepeats_ReturnsEachIdOnceAscending()
    {
        Assert.Equal([1L, 3, 7], DocumentProvenance.SortedDistinct([7, 3, 1, 7, 3]));
        Assert.Empty(DocumentProvenance.SortedDistinct([]));
    }
}
