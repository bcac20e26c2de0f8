using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Core.Tests.Ingestion;

public class IngestBatchBuilderTests
{
    private sealed class RecordingSink : IBatchSink
    {
        public List<(int Nodes, int Edges)> Chunks { get; } = [];

        public void Write(IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges) => Chunks.Add((nodes.Count, edges.Count));
    }

    private static NodeRef Version(int i) => new(NodeKind.PackageVersion, $"pkg:npm/p{i}@1");

    private static DocumentInfo Document => new() { Sha256 = "ab", Format = "test", Name = "doc" };

    [Fact]
    public void AddNode_Twice_KeepsFirstNameAndUnionOfProperties()
    {
        var builder = new IngestBatchBuilder();
        builder.AddNode(Version(1), "first", [new("a", "1")]);
        builder.AddNode(Version(1), "second", [new("a", "2"), new("b", "3")]);

        var node = builder.Build(Document).Nodes.Single(n => n.Kind == NodeKind.PackageVersion);

        Assert.Equal("first", node.Name);
        Assert.Equal("1", node.Properties["a"]);
        Assert.Equal("3", node.Properties["b"]);
    }

    [Fact]
    public void SharedProperties_MergedWithMore_RecordGetsBothAndOtherRecordsKeepTheSharedPairsAlone()
    {
        var scope = IngestBatchBuilder.SharedProperties(KeyValuePair.Create("scope", "runtime"));
        var builder = new IngestBatchBuilder();
        for (var i = 1; i <= 3; i++)
        {
            builder.AddNode(Version(i));
        }

        builder.AddEdge(EdgeKind.DependsOn, Version(1), Version(2), scope);
        builder.AddEdge(EdgeKind.DependsOn, Version(1), Version(3), scope);
        builder.AddEdge(EdgeKind.DependsOn, Version(1), Version(2), [new("scope", "optional"), new("via", "lockfile")]);
        builder.AddEdge(EdgeKind.DependsOn, Version(1), Version(3), scope);
        builder.AddNode(Version(4), properties: scope);
        builder.AddNode(Version(4), properties: [new("extra", "yes")]);

        var batch = builder.Build(Document);
        var edges = batch.Edges.ToDictionary(e => e.To.Key);
        Assert.Equal([new("scope", "runtime"), new("via", "lockfile")], edges[Version(2).Key].Properties.OrderBy(p => p.Key));
        Assert.Equal([new("scope", "runtime")], edges[Version(3).Key].Properties);
        Assert.Equal([new("scope", "runtime"), new("extra", "yes")], batch.Nodes.Single(n => n.Ref == Version(4)).Properties);
        Assert.Equal([new("scope", "runtime")], scope);
    }

    [Fact]
    public void AddEdge_ByNodeNumbers_SameEdgeAsByRefsAndUnknownNumbersThrow()
    {
        var builder = new IngestBatchBuilder();
        builder.AddNode(Version(1));
        builder.AddNode(Version(2));
        builder.AddNode(Version(3));
        Assert.True(builder.TryGetNodeId(Version(1), out var one));
        Assert.True(builder.TryGetNodeId(new NodeRef(NodeKind.PackageVersion, "pkg:npm/p2@" + "1"), out var two));
        Assert.False(builder.TryGetNodeId(Version(4), out _));

        builder.AddEdge(EdgeKind.DependsOn, Version(1), one, Version(2), two);
        builder.AddEdge(EdgeKind.DependsOn, Version(1), Version(2), [new("scope", "runtime")]);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddEdge(EdgeKind.DependsOn, Version(1), one, Version(4), 3));

        var edge = Assert.Single(builder.Build(Document).Edges);
        Assert.Equal((Version(1), Version(2)), (edge.From, edge.To));
        Assert.Equal("runtime", edge.Properties["scope"]);
    }

    [Fact]
    public void AddEdge_UnknownEnd_Throws()
    {
        var builder = new IngestBatchBuilder();
        builder.AddNode(Version(1));

        Assert.Throws<InvalidOperationException>(() => builder.AddEdge(EdgeKind.DependsOn, Version(1), Version(2)));
    }

    [Fact]
    public void AddEdge_DefaultNodeRef_Throws()
    {
        var builder = new IngestBatchBuilder();
        builder.AddNode(Version(1));

        // The recently-added memo must not take an empty slot for a node.
        Assert.Throws<InvalidOperationException>(() => builder.AddEdge(EdgeKind.DependsOn, Version(1), default));
    }

    [Fact]
    public void AddEdge_SameIdentityFromAnotherStringOrNodeAddedLongAgo_IsOneEdge()
    {
        var builder = new IngestBatchBuilder();
        builder.AddNode(Version(1));
        builder.AddNode(Version(2));
        builder.AddEdge(EdgeKind.DependsOn, Version(1), Version(2), [new("scope", "runtime")]);
        for (var i = 3; i < 20; i++)
        {
            builder.AddNode(Version(i)); // pushes 1 and 2 out of the recently-added memo
        }

        builder.AddEdge(EdgeKind.DependsOn, Version(1), Version(2), [new("extra", "x")]);

        var edge = Assert.Single(builder.Build(Document).Edges, e => e.Kind == EdgeKind.DependsOn);
        Assert.Equal("runtime", edge.Properties["scope"]);
        Assert.Equal("x", edge.Properties["extra"]);
    }

    [Fact]
    public void AddEdge_SameEndsAnotherKindOrReversedOrAnotherTarget_AreDistinctEdges()
    {
        var builder = new IngestBatchBuilder();
        var (a, b, c) = (builder.AddNode(Version(1)), builder.AddNode(Version(2)), builder.AddNode(Version(3)));
        builder.AddEdge(EdgeKind.DependsOn, a, b);
        builder.AddEdge(EdgeKind.OccursAs, a, b);
        builder.AddEdge(EdgeKind.DependsOn, b, a);
        builder.AddEdge(EdgeKind.DependsOn, a, c);
        builder.AddEdge(EdgeKind.DependsOn, a, b, [new("again", "yes")]);

        var edges = builder.Build(Document).Edges.Where(e => e.Kind != EdgeKind.Describes).ToList();

        Assert.Equal(4, edges.Count);
        Assert.Equal("yes", Assert.Single(edges, e => e.Kind == EdgeKind.DependsOn && e.From == a && e.To == b).Properties["again"]);
    }

    [Fact]
    public void AddEdge_ThousandsSharingOneEnd_EachKeptOnce()
    {
        // Fan-in and fan-out around one node: the pending-edge keys share an end, and must still spread over the table.
        var builder = new IngestBatchBuilder();
        var hub = builder.AddNode(Version(0));
        for (var i = 1; i <= 5_000; i++)
        {
            var node = builder.AddNode(Version(i));
            builder.AddEdge(EdgeKind.DependsOn, node, hub);
            builder.AddEdge(EdgeKind.DependsOn, hub, node);
        }

        for (var i = 1; i <= 5_000; i += 7)
        {
            builder.AddEdge(EdgeKind.DependsOn, Version(i), hub);
        }

        Assert.Equal(10_000, builder.Build(Document).Edges.Count(e => e.Kind == EdgeKind.DependsOn));
    }

    [Fact]
    public void Build_Twice_Throws()
    {
        var builder = new IngestBatchBuilder();
        builder.AddNode(Version(1));
        builder.Build(Document);

        Assert.Throws<InvalidOperationException>(() => builder.Build(Document));
        Assert.Throws<InvalidOperationException>(() => builder.AddNode(Version(2)));
    }

    [Fact]
    public void NewBuilder_AfterBuildOnSameThread_StartsEmpty()
    {
        var first = new IngestBatchBuilder();
        first.AddNode(Version(1));
        first.AddNode(Version(2));
        first.AddEdge(EdgeKind.DependsOn, Version(1), Version(2));
        first.Build(Document);

        // The second builder reuses the first one's tables: they must come back empty.
        var second = new IngestBatchBuilder();
        Assert.Equal(0, second.NodeCount);
        Assert.False(second.HasNode(Version(1)));
        second.AddNode(Version(1));
        second.AddNode(Version(2));
        second.AddEdge(EdgeKind.DependsOn, Version(1), Version(2));
        var batch = second.Build(Document);

        Assert.Single(batch.Edges, e => e.Kind == EdgeKind.DependsOn);
        Assert.Equal(2, batch.Nodes.Count(n => n.Kind == NodeKind.PackageVersion));
        Assert.Equal(3, first.NodeCount); // two versions and the document, remembered after the tables left
    }

    [Fact]
    public void Build_WithSpill_HandsOverChunksAndKeepsWholeDocumentTotals()
    {
        var sink = new RecordingSink();
        var builder = new IngestBatchBuilder(sink, spillThreshold: 10);
        for (var i = 0; i < 30; i++)
        {
            builder.AddNode(Version(i));
            if (i > 0)
            {
                // An edge to a node handed over in an earlier chunk is still allowed.
                builder.AddEdge(EdgeKind.DependsOn, Version(i), Version(0));
            }
        }

        var batch = builder.Build(Document);

        Assert.True(batch.IsPartial);
        Assert.NotEmpty(sink.Chunks);
        Assert.All(sink.Chunks, c => Assert.Equal(10, c.Nodes + c.Edges));
        Assert.Equal(31, batch.Totals.Nodes); // 30 versions and the Document node
        Assert.Equal(30, batch.Totals.Components);
        Assert.Equal(29, batch.Totals.Edges);
        Assert.Equal(31, sink.Chunks.Sum(c => c.Nodes) + batch.Nodes.Count);
    }

    [Fact]
    public void Build_WithoutSpill_IsWholeBatch()
    {
        var builder = new IngestBatchBuilder();
        builder.AddNode(Version(1));

        var batch = builder.Build(Document);

        Assert.False(batch.IsPartial);
        Assert.Equal(2, batch.Nodes.Count);
    }
}
