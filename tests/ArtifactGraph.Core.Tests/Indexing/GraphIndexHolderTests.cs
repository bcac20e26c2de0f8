using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Core.Tests.Indexing;

public class GraphIndexHolderTests
{
    private static IngestBatch Batch(string sha, params (string From, string To)[] deps)
    {
        var builder = new IngestBatchBuilder();
        foreach (var (from, to) in deps)
        {
            var f = builder.AddNode(new NodeRef(NodeKind.PackageVersion, from));
            var t = builder.AddNode(new NodeRef(NodeKind.PackageVersion, to));
            builder.AddEdge(EdgeKind.DependsOn, f, t);
        }

        return builder.Build(new DocumentInfo { Sha256 = sha, Format = "test", Name = sha });
    }

    [Fact]
    public void Apply_Batch_PublishesNewSnapshotAndLeavesOldOneIntact()
    {
        var holder = new GraphIndexHolder();
        var before = holder.Current;

        var after = holder.Apply(Batch("01", ("pkg:npm/a@1", "pkg:npm/b@1")), 7);

        Assert.Same(after, holder.Current);
        Assert.Equal(0, before.NodeCount);
        Assert.Equal(7, after.Sequence);
        Assert.True(after.TryFind(NodeKind.PackageVersion, "pkg:npm/a@1", out var a));
        Assert.True(after.TryFind(NodeKind.PackageVersion, "pkg:npm/b@1", out var b));
        Assert.True(after.HasEdge(a, b, EdgeKind.DependsOn));
    }

    [Fact]
    public void Apply_SameEdgeFromTwoDocuments_StoresItOnce()
    {
        var holder = new GraphIndexHolder();
        holder.Apply(Batch("01", ("pkg:npm/a@1", "pkg:npm/b@1")), 1);

        var index = holder.Apply(Batch("02", ("pkg:npm/a@1", "pkg:npm/b@1")), 2);

        Assert.True(index.TryFind(NodeKind.PackageVersion, "pkg:npm/a@1", out var a));
        Assert.Equal(1, index.Outgoing(a).Count);
        Assert.Equal(2, index.CountOf(NodeKind.Document));
    }

    [Fact]
    public void Build_Adjacency_ReverseMirrorsForward()
    {
        var builder = new GraphIndexBuilder();
        var x = builder.AddNode(NodeKind.Image, "sha256:01", "x");
        var y = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/y@1", null);
        builder.AddEdge(x, y, EdgeKind.Contains);

        var index = builder.Build(0);
        (x, y) = (builder.IndexIdOf(x), builder.IndexIdOf(y));

        Assert.Equal(y, index.Outgoing(x).Target(0));
        Assert.Equal(x, index.Incoming(y).Target(0));
        Assert.Equal(EdgeKind.Contains, index.Incoming(y).Kind(0));
        Assert.Equal(0, index.Incoming(x).Count);
    }
}
