using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using static ArtifactGraph.Storage.Conformance.TestDocument;

namespace ArtifactGraph.Storage.Conformance;

/// <summary>Chunked writes: a large document goes to the store in pieces inside one transaction.</summary>
public abstract partial class GraphStoreConformanceTests
{
    private static (List<NodeRecord> Nodes, List<EdgeRecord> Edges) Chunk(int from, int count)
    {
        var none = new Dictionary<string, string>();
        var nodes = Enumerable.Range(from, count).Select(i => new NodeRecord(Version("p" + i, "1"), "p" + i, none)).ToList();
        var edges = nodes.Skip(1).Select(n => new EdgeRecord(EdgeKind.DependsOn, n.Ref, nodes[0].Ref, none)).ToList();
        return (nodes, edges);
    }

    [Fact]
    public void BeginDocument_ChunksThenComplete_StoresEverything()
    {
        var store = NewStore();
        var doc = Sbom("chunked", "app", ("left-pad", "1.3.0"));
        using (var writer = store.BeginDocument(doc.Sha256, doc.Raw))
        {
            var (nodes, edges) = Chunk(0, 5);
            writer.Write(nodes, edges);
            var (more, moreEdges) = Chunk(5, 5);
            writer.Write(more, moreEdges);
            var result = writer.Complete(doc.Batch);
            Assert.Equal(10 + doc.Batch.Nodes.Count, result.NodesAdded);
        }

        var sink = new RecordingLoadSink();
        store.Load(sink);
        Assert.Equal(10 + doc.Batch.Nodes.Count, sink.Nodes.Count);
        Assert.Single(store.ListDocuments());
    }

    [Fact]
    public void BeginDocument_DisposedWithoutComplete_LeavesNothing()
    {
        var store = NewStore();
        var doc = Sbom("abandoned", "app", ("left-pad", "1.3.0"));
        using (var writer = store.BeginDocument(doc.Sha256, doc.Raw))
        {
            var (nodes, edges) = Chunk(0, 5);
            writer.Write(nodes, edges);
        }

        var sink = new RecordingLoadSink();
        store.Load(sink);
        Assert.Empty(sink.Nodes);
        Assert.Empty(store.ListDocuments());
        Assert.Equal(0, store.ChangeSequence);

        // The write lock was released: the same document can now be committed.
        Assert.False(store.Commit(doc.Batch, doc.Raw).AlreadyPresent);
    }

    [Fact]
    public void BeginDocument_KnownDocument_SaysAlreadyPresentAndWritesNothing()
    {
        var store = NewStore();
        var doc = Sbom("known", "app", ("left-pad", "1.3.0"));
        store.Commit(doc.Batch, doc.Raw);

        using var writer = store.BeginDocument(doc.Sha256, doc.Raw);

        Assert.True(writer.AlreadyPresent);
        Assert.True(writer.Complete(doc.Batch).AlreadyPresent);
    }
}
