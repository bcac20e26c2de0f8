using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Core.Tests.Queries;

public class ClosureQueryTests
{
    private const string Lodash = "pkg:npm/lodash@4.17.21";
    private const string Express = "pkg:npm/express@4.18.2";
    private const string App = "pkg:npm/app@1.0.0";
    private const string ImageKey = "sha256:" + "aa";

    private static GraphIndex Chain() => new TestGraph()
        .Version(Lodash, "pkg:npm/lodash")
        .Version(Express, "pkg:npm/express")
        .Version(App, "pkg:npm/app")
        .Node(NodeKind.Image, ImageKey, "registry/app:1")
        .Node(NodeKind.Artifact, "sha256:bb")
        .Edge(NodeKind.PackageVersion, Express, EdgeKind.DependsOn, NodeKind.PackageVersion, Lodash)
        .Edge(NodeKind.PackageVersion, App, EdgeKind.DependsOn, NodeKind.PackageVersion, Express)
        .Edge(NodeKind.Image, ImageKey, EdgeKind.Contains, NodeKind.PackageVersion, App)
        .Edge(NodeKind.PackageVersion, Lodash, EdgeKind.OccursAs, NodeKind.Artifact, "sha256:bb")
        .Build();

    private static int Id(GraphIndex index, NodeKind kind, string key) =>
        index.TryFind(kind, key, out var id) ? id : throw new InvalidOperationException(key);

    [Fact]
    public void Run_Dependents_ReachesEveryUserWithShortestDepth()
    {
        var index = Chain();
        var result = ClosureQuery.Run(index, [Id(index, NodeKind.PackageVersion, Lodash)], Direction.Dependents);

        var depths = result.Hits.ToDictionary(h => index.KeyOf(h.Node), h => h.Depth);
        Assert.Equal(1, depths[Express]);
        Assert.Equal(2, depths[App]);
        Assert.Equal(3, depths[ImageKey]);
        Assert.DoesNotContain(Lodash, depths.Keys);
    }

    [Fact]
    public void Run_Dependents_PathReadsFromHitDownToTarget()
    {
        var index = Chain();
        var result = ClosureQuery.Run(index, [Id(index, NodeKind.PackageVersion, Lodash)], Direction.Dependents);

        var image = result.Hits.Single(h => index.KindOf(h.Node) == NodeKind.Image);
        Assert.Equal([ImageKey, App, Express, Lodash], image.Path.Select(s => index.KeyOf(s.Node)));
        Assert.Equal([null, EdgeKind.Contains, EdgeKind.DependsOn, EdgeKind.DependsOn], image.Path.Select(s => s.Edge));
        Assert.All(image.Path.Skip(1), s => Assert.True(s.Forward));
    }

    [Fact]
    public void Run_PackageDigest_WalkedButNotReportedAsAnAnswer()
    {
        var index = new TestGraph()
            .Version(Lodash, "pkg:npm/lodash")
            .Node(NodeKind.Artifact, "sha256:bb")
            .Node(NodeKind.Image, ImageKey, "img")
            .Edge(NodeKind.PackageVersion, Lodash, EdgeKind.OccursAs, NodeKind.Artifact, "sha256:bb")
            .Edge(NodeKind.Image, ImageKey, EdgeKind.Contains, NodeKind.Artifact, "sha256:bb")
            .Build();

        var result = ClosureQuery.Run(index, [Id(index, NodeKind.PackageVersion, Lodash)], Direction.Dependents);

        var image = Assert.Single(result.Hits);
        Assert.Equal([ImageKey, "sha256:bb", Lodash], image.Path.Select(s => index.KeyOf(s.Node)));
    }

    [Fact]
    public void Run_DependenciesOfImage_ContainedFileIsReportedButPackageDigestIsNot()
    {
        var index = Chain();

        var result = ClosureQuery.Run(index, [Id(index, NodeKind.Image, ImageKey)], Direction.Dependencies);

        Assert.DoesNotContain(result.Hits, h => index.KindOf(h.Node) == NodeKind.Artifact);
        Assert.Contains(result.Hits, h => index.KeyOf(h.Node) == Lodash);
    }

    [Fact]
    public void Run_DependentsOfArtifact_CrossesOccursAsBackwards()
    {
        var index = Chain();
        var result = ClosureQuery.Run(index, [Id(index, NodeKind.Artifact, "sha256:bb")], Direction.Dependents);

        var lodash = result.Hits.Single(h => index.KeyOf(h.Node) == Lodash);
        Assert.Equal(EdgeKind.OccursAs, lodash.Path[1].Edge);
        Assert.True(lodash.Path[1].Forward); // lodash -OCCURS_AS-> artifact, read from lodash to the artifact
        Assert.Contains(result.Hits, h => index.KeyOf(h.Node) == ImageKey);
    }

    [Fact]
    public void Run_Dependencies_WithDepthBound_StopsAtBound()
    {
        var index = Chain();
        var result = ClosureQuery.Run(index, [Id(index, NodeKind.Image, ImageKey)], Direction.Dependencies, new ClosureOptions { MaxDepth = 2 });

        Assert.Equal([App, Express], result.Hits.Select(h => index.KeyOf(h.Node)));
        var express = result.Hits[1];
        Assert.Equal([ImageKey, App, Express], express.Path.Select(s => index.KeyOf(s.Node)));
    }

    [Fact]
    public void Run_Cycle_TerminatesAndVisitsEachNodeOnce()
    {
        var index = new TestGraph()
            .Version("pkg:npm/a@1", "pkg:npm/a")
            .Version("pkg:npm/b@1", "pkg:npm/b")
            .Edge(NodeKind.PackageVersion, "pkg:npm/a@1", EdgeKind.DependsOn, NodeKind.PackageVersion, "pkg:npm/b@1")
            .Edge(NodeKind.PackageVersion, "pkg:npm/b@1", EdgeKind.DependsOn, NodeKind.PackageVersion, "pkg:npm/a@1")
            .Build();

        var result = ClosureQuery.Run(index, [Id(index, NodeKind.PackageVersion, "pkg:npm/a@1")], Direction.Dependents);

        Assert.Equal(["pkg:npm/b@1"], result.Hits.Select(h => index.KeyOf(h.Node)));
    }

    [Fact]
    public void Run_EdgeKindOutsideAllowlist_IsNotWalked()
    {
        var index = new TestGraph()
            .Version(Lodash, "pkg:npm/lodash")
            .Node(NodeKind.Document, "sha256:doc")
            .Edge(NodeKind.Document, "sha256:doc", EdgeKind.Describes, NodeKind.PackageVersion, Lodash)
            .Build();

        var result = ClosureQuery.Run(index, [Id(index, NodeKind.PackageVersion, Lodash)], Direction.Dependents);

        Assert.Empty(result.Hits);
    }

    [Fact]
    public void Run_RepeatedOnSameThread_DoesNotLeakVisitedState()
    {
        var index = Chain();
        var start = Id(index, NodeKind.PackageVersion, Lodash);
        var first = ClosureQuery.Run(index, [start], Direction.Dependents);
        var second = ClosureQuery.Run(index, [start], Direction.Dependents);

        Assert.Equal(first.Hits.Select(h => h.Node), second.Hits.Select(h => h.Node));
    }

    /// <summary>Lodash used by ten apps, each in its own image: a fan-out wide enough to page.</summary>
    private static GraphIndex Fan()
    {
        var graph = new TestGraph().Version(Lodash, "pkg:npm/lodash");
        for (var i = 9; i >= 0; i--)
        {
            var app = $"pkg:npm/app{i}@1";
            var image = $"sha256:{i:x2}";
            graph.Version(app, $"pkg:npm/app{i}")
                .Node(NodeKind.Image, image, $"img{i}")
                .Edge(NodeKind.PackageVersion, app, EdgeKind.DependsOn, NodeKind.PackageVersion, Lodash)
                .Edge(NodeKind.Image, image, EdgeKind.Contains, NodeKind.PackageVersion, app);
        }

        return graph.Build();
    }

    [Fact]
    public void Run_Counts_PerKindWithoutMaterialising()
    {
        var index = Fan();
        var result = ClosureQuery.Run(index, [Id(index, NodeKind.PackageVersion, Lodash)], Direction.Dependents);

        Assert.Equal(20, result.Count);
        Assert.Equal(10, result.CountOf(NodeKind.Image));
        Assert.Equal(10, result.CountOf(NodeKind.PackageVersion));
        Assert.Equal(0, result.CountOf(NodeKind.Deployment));
        Assert.False(result.Truncated);
    }

    [Fact]
    public void Page_OffsetAndLimit_SliceTheFullOrderWithPaths()
    {
        var index = Fan();
        var result = ClosureQuery.Run(index, [Id(index, NodeKind.PackageVersion, Lodash)], Direction.Dependents);
        var all = result.Hits.ToList();

        var first = result.Page(0, 7);
        var second = result.Page(7, 7);
        var last = result.Page(14, 50);

        Assert.Equal(all.Select(h => h.Node), first.Concat(second).Concat(last).Select(h => h.Node));
        Assert.Equal(all.Select(h => h.Depth), first.Concat(second).Concat(last).Select(h => h.Depth));
        Assert.Equal(6, last.Count);
        Assert.Empty(result.Page(20, 5));
        Assert.Empty(result.Page(100, 5));
        Assert.All(second, h => Assert.Equal(h.Depth + 1, h.Path.Count));
        Assert.Equal(all[9].Path, second[2].Path);
    }

    [Fact]
    public void Hits_Order_IsDepthThenKindAndDeterministic()
    {
        var index = Fan();
        var start = Id(index, NodeKind.PackageVersion, Lodash);

        var hits = ClosureQuery.Run(index, [start], Direction.Dependents).Hits;
        var again = ClosureQuery.Run(Fan(), [start], Direction.Dependents).Hits;

        var keys = hits.Select(h => (h.Depth, index.KindOf(h.Node))).ToList();
        Assert.Equal(keys.Order(), keys);
        Assert.Equal(hits.Select(h => index.KeyOf(h.Node)), again.Select(h => index.KeyOf(h.Node)));
    }

    [Fact]
    public void PathOf_AfterLaterQueriesOnSameThread_StillReadsItsOwnTree()
    {
        var index = Fan();
        var result = ClosureQuery.Run(index, [Id(index, NodeKind.PackageVersion, Lodash)], Direction.Dependents);
        var before = Enumerable.Range(0, result.Count).Select(i => string.Join(' ', result.PathOf(i).Select(s => index.KeyOf(s.Node)))).ToList();

        // Reuses (and overwrites) this thread's traversal scratch with a different tree.
        var other = ClosureQuery.Run(index, [Id(index, NodeKind.Image, "sha256:03")], Direction.Dependencies);
        Assert.NotEmpty(other.Hits);

        var after = Enumerable.Range(0, result.Count).Select(i => string.Join(' ', result.PathOf(i).Select(s => index.KeyOf(s.Node)))).ToList();
        Assert.Equal(before, after);
        Assert.Contains("sha256:03 pkg:npm/app3@1 " + Lodash, after);
    }

    [Fact]
    public void Run_MaxResults_TruncatesAndCountsOnlyCollected()
    {
        var index = Fan();
        var result = ClosureQuery.Run(index, [Id(index, NodeKind.PackageVersion, Lodash)], Direction.Dependents, new ClosureOptions { MaxResults = 4 });

        Assert.True(result.Truncated);
        Assert.Equal(4, result.Count);
        Assert.All(result.Hits, h => Assert.Equal(h.Depth + 1, h.Path.Count));
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(13)]
    [InlineData(4)]
    [InlineData(0)]
    public void IndicesOf_EveryKind_SameAsFilteringEveryHit(int maxResults)
    {
        var index = Fan();
        var result = ClosureQuery.Run(index, [Id(index, NodeKind.PackageVersion, Lodash)], Direction.Dependents, new ClosureOptions { MaxResults = maxResults });

        foreach (var kind in Enum.GetValues<NodeKind>())
        {
            var expected = Enumerable.Range(0, result.Count).Where(i => index.KindOf(result.NodeAt(i)) == kind);
            Assert.Equal(expected, result.IndicesOf(kind));
        }
    }
}
