using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Core.Tests.Queries;

public class BreadthFirstTests
{
    private const string Lodash = "pkg:npm/lodash@4.17.21";
    private const string App = "pkg:npm/app@1.0.0";

    /// <summary>lodash has a digest nothing else mentions; app's digest is also a file an image contains.</summary>
    private static GraphIndex Digests() => new TestGraph()
        .Version(Lodash, "pkg:npm/lodash")
        .Version(App, "pkg:npm/app")
        .Node(NodeKind.Artifact, "sha256:01")
        .Node(NodeKind.Artifact, "sha256:02")
        .Node(NodeKind.Image, "sha256:aa", "img")
        .Edge(NodeKind.PackageVersion, App, EdgeKind.DependsOn, NodeKind.PackageVersion, Lodash)
        .Edge(NodeKind.PackageVersion, Lodash, EdgeKind.OccursAs, NodeKind.Artifact, "sha256:01")
        .Edge(NodeKind.PackageVersion, App, EdgeKind.OccursAs, NodeKind.Artifact, "sha256:02")
        .Edge(NodeKind.Image, "sha256:aa", EdgeKind.Contains, NodeKind.Artifact, "sha256:02")
        .Build();

    [Fact]
    public void Walk_PruneAliasLeaves_SkipsOnlyDigestsWithNoOtherEdge()
    {
        var index = Digests();
        var lodash = Id(index, NodeKind.PackageVersion, Lodash);

        var pruned = Reached(index, lodash, prune: true);
        var full = Reached(index, lodash, prune: false);

        Assert.DoesNotContain(Id(index, NodeKind.Artifact, "sha256:01"), pruned);
        Assert.Contains(Id(index, NodeKind.Artifact, "sha256:01"), full);
        Assert.Contains(Id(index, NodeKind.Artifact, "sha256:02"), pruned);
        Assert.Contains(Id(index, NodeKind.Image, "sha256:aa"), pruned);
        Assert.Equal(full.Count - 1, pruned.Count);
    }

    [Fact]
    public void AliasRows_OnlyNodesWithAnOccursAsEdgeToANonLeaf()
    {
        var index = Digests();
        bool Set(ulong[] bits, int node) => (bits[node >> 6] & (1UL << node)) != 0;

        Assert.True(Set(index.ForwardAliasRows, Id(index, NodeKind.PackageVersion, App)));
        Assert.False(Set(index.ForwardAliasRows, Id(index, NodeKind.PackageVersion, Lodash)));
        Assert.True(Set(index.ReverseAliasRows, Id(index, NodeKind.Artifact, "sha256:02")));
        Assert.False(Set(index.ReverseAliasRows, Id(index, NodeKind.PackageVersion, Lodash)));
        Assert.Equal(1, index.ForwardAliasRows.Sum(word => System.Numerics.BitOperations.PopCount(word)));
    }

    [Fact]
    public void Walk_DependenciesPruned_ReachesThePackageOfAContainedDigest()
    {
        var index = Digests();

        var visitor = new Recorder { Nodes = [] };
        BreadthFirst.Walk(index, TraversalScratch.For(index.NodeCount), [Id(index, NodeKind.Image, "sha256:aa")], Direction.Dependencies, EdgeKindSet.Impact, null, ref visitor, pruneAliasLeaves: true);

        Assert.Contains(Id(index, NodeKind.PackageVersion, App), visitor.Nodes);
        Assert.Contains(Id(index, NodeKind.PackageVersion, Lodash), visitor.Nodes);
        Assert.DoesNotContain(Id(index, NodeKind.Artifact, "sha256:01"), visitor.Nodes);
    }

    [Fact]
    public void PathQuery_ToADigestLeaf_StillFound()
    {
        var index = Digests();

        var result = PathQuery.Find(index, [Id(index, NodeKind.PackageVersion, App)], [Id(index, NodeKind.Artifact, "sha256:01")]);

        Assert.NotNull(result.Path);
        Assert.Equal(Id(index, NodeKind.Artifact, "sha256:01"), result.Path![^1].Node);
    }

    private static List<int> Reached(GraphIndex index, int start, bool prune)
    {
        var visitor = new Recorder { Nodes = [] };
        BreadthFirst.Walk(index, TraversalScratch.For(index.NodeCount), [start], Direction.Dependents, EdgeKindSet.Impact, null, ref visitor, prune);
        return visitor.Nodes;
    }

    private static int Id(GraphIndex index, NodeKind kind, string key) =>
        index.TryFind(kind, key, out var id) ? id : throw new InvalidOperationException(key);

    private struct Recorder : IReachVisitor
    {
        public List<int> Nodes;

        public readonly bool Reached(int position, int node, NodeKind kind, int depth)
        {
            Nodes.Add(node);
            return true;
        }
    }
}
