using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Core.Tests.Queries;

/// <summary>
/// Deployments kept beside their images (<see cref="LeafRuns"/>) must answer exactly as the same deployments in the walk's
/// tree: a closure that may stop early (a finite <see cref="ClosureOptions.MaxResults"/>) keeps them in the tree, so the
/// two are compared hit by hit on random graphs.
/// </summary>
public class ClosureResultTests
{
    /// <summary>Packages depending on each other, images containing them (some based on others), deployments running one image or two.</summary>
    private static GraphIndex RandomGraph(int seed, bool orderForWalks)
    {
        var random = new Random(seed);
        var builder = new GraphIndexBuilder { OrderForWalks = orderForWalks };
        var packages = Enumerable.Range(0, 30).Select(i => builder.AddNode(NodeKind.PackageVersion, $"pkg:npm/p{i}@1", null)).ToList();
        var images = new List<int>();
        var deployments = new List<int>();

        // Interleaved so that without ordering an image's deployments are not always consecutive ids.
        for (var i = 0; i < 12; i++)
        {
            images.Add(builder.AddNode(NodeKind.Image, $"sha256:{i:x4}", $"img{i}"));
            for (var d = random.Next(0, 4); d > 0; d--)
            {
                deployments.Add(builder.AddNode(NodeKind.Deployment, $"prod/c/ns/deployment/w{deployments.Count}", null));
            }
        }

        for (var i = 0; i < packages.Count; i++)
        {
            for (var d = random.Next(0, 3); d > 0; d--)
            {
                builder.AddEdge(packages[i], packages[random.Next(packages.Count)], EdgeKind.DependsOn);
            }
        }

        foreach (var image in images)
        {
            for (var c = random.Next(1, 6); c > 0; c--)
            {
                builder.AddEdge(image, packages[random.Next(packages.Count)], EdgeKind.Contains);
            }

            if (random.Next(4) == 0)
            {
                builder.AddEdge(image, images[random.Next(images.Count)], EdgeKind.BasedOn);
            }
        }

        // Mostly each deployment runs the image added before it; one in five runs a second, random one.
        var owner = 0;
        foreach (var deployment in deployments)
        {
            while (owner + 1 < images.Count && images[owner + 1] < deployment)
            {
                owner++;
            }

            builder.AddEdge(deployment, images[owner], EdgeKind.Runs);
            if (random.Next(5) == 0)
            {
                builder.AddEdge(deployment, images[random.Next(images.Count)], EdgeKind.Runs);
            }
        }

        return builder.Build(1);
    }

    public static TheoryData<int, bool, int?> Seeds()
    {
        var data = new TheoryData<int, bool, int?>();
        foreach (var seed in new[] { 1, 2, 3, 4, 5, 6, 7, 8 })
        {
            data.Add(seed, true, null);
            data.Add(seed, false, null);
        }

        data.Add(9, true, 1);
        data.Add(9, true, 2);
        data.Add(10, false, 3);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Run_DeploymentsKeptBesideTheirImages_AnswerAsInTheTree(int seed, bool orderForWalks, int? maxDepth)
    {
        var index = RandomGraph(seed, orderForWalks);
        var kinds = index.Kinds;
        var packages = Enumerable.Range(0, index.NodeCount).Where(n => kinds[n] == NodeKind.PackageVersion).ToList();
        var images = Enumerable.Range(0, index.NodeCount).Where(n => kinds[n] == NodeKind.Image).ToList();
        var kept = 0;
        foreach (var starts in new[] { packages.Take(1).ToList(), packages.Skip(3).Take(4).ToList(), images.Take(2).ToList() })
        {
            var beside = ClosureQuery.Run(index, starts, Direction.Dependents, new ClosureOptions { MaxDepth = maxDepth });
            var inTree = ClosureQuery.Run(index, starts, Direction.Dependents, new ClosureOptions { MaxDepth = maxDepth, MaxResults = int.MaxValue - 1 });

            Assert.Null(inTree.LeafRunsOf);
            kept += beside.LeafRunsOf is null ? 0 : 1;
            AssertSame(index, inTree, beside);
        }

        // Every set of starts reaches an image with deployments in these graphs: the runs were taken, not skipped.
        Assert.True(kept > 0, "no closure kept its deployments beside their images");
    }

    [Fact]
    public void Run_ImageWithDeployments_KeepsThemBesideItWithPathsThroughIt()
    {
        var index = new TestGraph()
            .Version("pkg:npm/lodash@4.17.21", "pkg:npm/lodash")
            .Node(NodeKind.Image, "sha256:aa", "app")
            .Node(NodeKind.Deployment, "prod/c/ns/deployment/web")
            .Node(NodeKind.Deployment, "prod/c/ns/deployment/worker")
            .Edge(NodeKind.Image, "sha256:aa", EdgeKind.Contains, NodeKind.PackageVersion, "pkg:npm/lodash@4.17.21")
            .Edge(NodeKind.Deployment, "prod/c/ns/deployment/web", EdgeKind.Runs, NodeKind.Image, "sha256:aa")
            .Edge(NodeKind.Deployment, "prod/c/ns/deployment/worker", EdgeKind.Runs, NodeKind.Image, "sha256:aa")
            .Build();
        index.TryFind(NodeKind.PackageVersion, "pkg:npm/lodash@4.17.21", out var lodash);

        var result = ClosureQuery.Run(index, [lodash], Direction.Dependents);

        Assert.NotNull(result.LeafRunsOf);
        Assert.Equal(2, result.CountOf(NodeKind.Deployment));
        var deployments = result.IndicesOf(NodeKind.Deployment);
        Assert.All(deployments, i => Assert.True(result.IsLeaf(i)));
        Assert.Equal(["prod/c/ns/deployment/web", "prod/c/ns/deployment/worker"], deployments.Select(i => index.KeyOf(result.NodeAt(i))).Order());
        foreach (var i in deployments)
        {
            Assert.Equal(2, result.DepthAt(i));
            var path = result.PathOf(i);
            Assert.Equal([result.NodeAt(i), Id(index, NodeKind.Image, "sha256:aa"), lodash], path.Select(s => s.Node));
            Assert.Equal([null, EdgeKind.Runs, EdgeKind.Contains], path.Select(s => s.Edge));
            Assert.All(path.Skip(1), s => Assert.True(s.Forward));
            Assert.Equal((Id(index, NodeKind.Image, "sha256:aa"), lodash), result.ImageAndStart(i, index.Kinds));
        }
    }

    [Fact]
    public void Run_ResultLimit_KeepsDeploymentsInTheTree()
    {
        var index = RandomGraph(3, orderForWalks: true);
        var packages = Enumerable.Range(0, index.NodeCount).Where(n => index.Kinds[n] == NodeKind.PackageVersion).Take(6).ToList();

        var limited = ClosureQuery.Run(index, packages, Direction.Dependents, new ClosureOptions { MaxResults = 5 });

        Assert.Null(limited.LeafRunsOf);
        Assert.Equal(5, limited.Count);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void Run_BlockedNodes_DeploymentsBesideTheirImagesAnswerAsInTheTree(int seed)
    {
        var index = RandomGraph(seed, orderForWalks: true);
        var kinds = index.Kinds;
        var packages = Enumerable.Range(0, index.NodeCount).Where(n => kinds[n] == NodeKind.PackageVersion).Take(6).ToList();
        var blocked = new HashSet<int> { packages[^1], Enumerable.Range(0, index.NodeCount).First(n => kinds[n] == NodeKind.Image) };

        var beside = ClosureQuery.Run(index, packages, Direction.Dependents, new ClosureOptions { Blocked = blocked });
        var inTree = ClosureQuery.Run(index, packages, Direction.Dependents, new ClosureOptions { Blocked = blocked, MaxResults = int.MaxValue - 1 });

        Assert.NotNull(beside.LeafRunsOf);
        AssertSame(index, inTree, beside);
    }

    [Fact]
    public void Run_DeploymentAmongTheStarts_KeepsDeploymentsInTheTreeAndReachesItOnce()
    {
        var index = RandomGraph(4, orderForWalks: true);
        var kinds = index.Kinds;
        var deployment = Enumerable.Range(0, index.NodeCount).First(n => kinds[n] == NodeKind.Deployment);
        var image = index.Forward.Of(deployment).Target(0);

        var result = ClosureQuery.Run(index, [image, deployment], Direction.Dependents);

        Assert.Null(result.LeafRunsOf);
        Assert.DoesNotContain(deployment, Enumerable.Range(0, result.Count).Select(result.NodeAt));
        var nodes = Enumerable.Range(0, result.Count).Select(result.NodeAt).ToList();
        Assert.Equal(nodes.Count, nodes.Distinct().Count());
    }

    private static void AssertSame(GraphIndex index, ClosureResult expected, ClosureResult actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var kind in Enum.GetValues<NodeKind>())
        {
            Assert.Equal(expected.CountOf(kind), actual.CountOf(kind));
            Assert.Equal(expected.IndicesOf(kind), actual.IndicesOf(kind));
        }

        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected.NodeAt(i), actual.NodeAt(i));
            Assert.Equal(expected.DepthAt(i), actual.DepthAt(i));
            Assert.Equal(expected.PathOf(i), actual.PathOf(i));
            Assert.Equal(expected.ImageAndStart(i, index.Kinds), actual.ImageAndStart(i, index.Kinds));
        }

        Assert.Equal(expected.Page(1, 7).Select(h => (h.Node, h.Depth)), actual.Page(1, 7).Select(h => (h.Node, h.Depth)));
    }

    private static int Id(GraphIndex index, NodeKind kind, string key) =>
        index.TryFind(kind, key, out var id) ? id : throw new InvalidOperationException(key);
}
