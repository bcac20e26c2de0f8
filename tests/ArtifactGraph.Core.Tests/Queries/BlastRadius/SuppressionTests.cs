using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Core.Queries.BlastRadius;

namespace ArtifactGraph.Core.Tests.Queries.BlastRadius;

public sealed class SuppressionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Explain_RandomGraph_SameItemsAsComparingTwoFullClosures(int seed)
    {
        var (index, starts, blocked) = RandomGraph(seed);
        var options = new ClosureOptions();

        var (pruned, items) = Suppression.Explain(index, starts, [.. blocked], Decisions(index, blocked), options);

        AssertSameAsReference(index, starts, blocked, options, items);
        Assert.Contains(items, i => !i.Direct);
        Assert.Equal(ClosureQuery.Run(index, starts, Direction.Dependents, options with { Blocked = [.. blocked] }).Count, pruned.Count);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    public void Explain_DeploymentsRunningTwoImages_SameItemsAsComparingTwoFullClosures(int seed)
    {
        // A deployment running a blocked image and another one is kept as a run of one beside whichever it is reached from
        // first: the pruned walk still reaches it, and the region must not count it lost.
        var (index, starts, blocked) = RandomGraph(seed, sidecars: true);
        var options = new ClosureOptions();

        var (pruned, items) = Suppression.Explain(index, starts, [.. blocked], Decisions(index, blocked), options);

        AssertSameAsReference(index, starts, blocked, options, items);
        Assert.NotNull(pruned.LeafRunsOf);
        Assert.Equal(ClosureQuery.Run(index, starts, Direction.Dependents, options with { Blocked = [.. blocked], MaxResults = int.MaxValue - 1 }).Count, pruned.Count);
    }

    [Fact]
    public void Explain_DepthLimited_OnlyLossesWithinTheDepth()
    {
        var (index, starts, blocked) = RandomGraph(6);
        var options = new ClosureOptions { MaxDepth = 2 };

        var (_, items) = Suppression.Explain(index, starts, [.. blocked], Decisions(index, blocked), options);

        AssertSameAsReference(index, starts, blocked, options, items);
        Assert.All(items, i => Assert.InRange(i.Depth, 0, 2));
    }

    [Theory]
    [InlineData(11, null)]
    [InlineData(12, null)]
    [InlineData(13, null)]
    [InlineData(14, 2)]
    [InlineData(15, 1)]
    [InlineData(16, 3)]
    public void Explain_OnlyImagesBlocked_FoundFromTheProductsSide(int seed, int? maxDepth)
    {
        // Images are where VEX statements usually point: behind them are only their deployments, so the region
        // is read from the products' side, never by a second walk.
        var (index, starts) = WithImagesBlocked(seed, out var blocked);
        var options = new ClosureOptions { MaxDepth = maxDepth };
        var (_, scratch, walked) = PrunedWalk(index, starts, blocked, options);
        Assert.NotNull(LostRegion.Find(index, scratch, walked, starts, blocked, options));
        Assert.All(scratch.Marks, word => Assert.Equal(0UL, word));

        var (_, items) = Suppression.Explain(index, starts, [.. blocked], Decisions(index, blocked), options);

        AssertSameAsReference(index, starts, blocked, options, items);
        Assert.Contains(items, i => i.Direct);
        Assert.Equal(maxDepth is null or >= 2, items.Any(i => index.KindOf(i.Node) == NodeKind.Deployment && !i.Direct));
    }

    [Fact]
    public void Explain_RegionLargerThanTheLimitLeaves_StopsWhereTheRawWalkStops()
    {
        var (index, starts) = WithImagesBlocked(11, out var blocked);
        var pruned = ClosureQuery.Run(index, starts, Direction.Dependents, new ClosureOptions { Blocked = [.. blocked] }).Count;
        var all = Suppression.Explain(index, starts, [.. blocked], Decisions(index, blocked), new ClosureOptions()).Suppressed.Count;

        // Every limit between the pruned answer and the raw one: the raw walk stops counting at the limit, and
        // whatever it has not reached by then is left out; at some of these limits that is a lost hit.
        var cut = 0;
        for (var limit = pruned; limit <= pruned + all; limit++)
        {
            var options = new ClosureOptions { MaxResults = limit };
            var (_, items) = Suppression.Explain(index, starts, [.. blocked], Decisions(index, blocked), options);
            AssertSameAsReference(index, starts, blocked, options, items);
            cut += items.Count < all ? 1 : 0;
        }

        Assert.True(cut > 0);
    }

    private static (GraphIndex Index, int[] Starts) WithImagesBlocked(int seed, out HashSet<int> blocked)
    {
        var (index, starts, _) = RandomGraph(seed);
        blocked = [];
        for (var i = seed % 7; i < 40 && blocked.Count < 4; i += 7)
        {
            blocked.Add(Id(index, NodeKind.Image, $"sha256:{i:x4}"));
        }

        return (index, starts);
    }

    [Fact]
    public void Find_ProductOnAShortcut_LeavesItToTheRawWalk()
    {
        // s ← a ← b ← c and s ← x ← c: blocking x leaves c reachable at depth 3 by the pruned walk, but at 2 by
        // the raw one, so the region behind x reaches back into the pruned reach more shallowly.
        var builder = new GraphIndexBuilder();
        var s = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/s@1", null);
        var a = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/a@1", null);
        var b = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/b@1", null);
        var c = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/c@1", null);
        var x = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/x@1", null);
        var d = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/d@1", null);
        builder.AddEdge(a, s, EdgeKind.DependsOn);
        builder.AddEdge(b, a, EdgeKind.DependsOn);
        builder.AddEdge(c, b, EdgeKind.DependsOn);
        builder.AddEdge(x, s, EdgeKind.DependsOn);
        builder.AddEdge(c, x, EdgeKind.DependsOn);
        builder.AddEdge(d, c, EdgeKind.DependsOn);
        var index = builder.Build(0);
        int[] starts = [Id(index, NodeKind.PackageVersion, "pkg:npm/s@1")];
        var blocked = new HashSet<int> { Id(index, NodeKind.PackageVersion, "pkg:npm/x@1") };
        var options = new ClosureOptions();

        var (_, scratch, walked) = PrunedWalk(index, starts, blocked, options);
        Assert.Null(LostRegion.Find(index, scratch, walked, starts, blocked, options));

        var (_, items) = Suppression.Explain(index, starts, [.. blocked], Decisions(index, blocked), options);
        AssertSameAsReference(index, starts, blocked, options, items);
        Assert.Equal([(blocked.Single(), 1, true)], items.Select(i => (i.Node, i.Depth, i.Direct)));
    }

    private static (ClosureResult Pruned, TraversalScratch Scratch, int Walked) PrunedWalk(GraphIndex index, int[] starts, HashSet<int> blocked, ClosureOptions options)
    {
        var pruned = ClosureQuery.Run(index, starts, Direction.Dependents, options with { Blocked = blocked }, out var scratch, out var walked);
        return (pruned, scratch, walked);
    }

    /// <summary>
    /// The items of the way suppression was first computed (both walks in full, the raw one's hits the pruned one
    /// lacks), in the same order. Where several shortest raw paths pass different products, either is right: the
    /// product named must be blocked and on a shortest raw path to the item.
    /// </summary>
    private static void AssertSameAsReference(GraphIndex index, int[] starts, HashSet<int> blocked, ClosureOptions options, IReadOnlyList<SuppressedItem> items)
    {
        var expected = Reference(index, starts, blocked, options);
        Assert.Equal(expected.Select(e => (e.Node, e.Depth)), items.Select(i => (i.Node, i.Depth)));
        var raw = ClosureQuery.Run(index, starts, Direction.Dependents, options with { MaxResults = int.MaxValue });
        var rawDepth = Enumerable.Range(0, raw.Count).ToDictionary(raw.NodeAt, raw.DepthAt);
        foreach (var item in items)
        {
            var product = item.Decision.Product;
            Assert.Contains(product, blocked);
            Assert.Equal(product == item.Node, item.Direct);
            var behind = 0;
            if (product != item.Node)
            {
                var fromProduct = ClosureQuery.Run(index, [product], Direction.Dependents);
                behind = fromProduct.DepthAt(Enumerable.Range(0, fromProduct.Count).Single(i => fromProduct.NodeAt(i) == item.Node));
            }

            Assert.Equal(item.Depth, (starts.Contains(product) ? 0 : rawDepth[product]) + behind);
        }
    }

    /// <summary>The way suppression was first computed: both walks in full, the raw one's hits the pruned one lacks, by depth, kind and node.</summary>
    private static List<(int Node, int Depth)> Reference(GraphIndex index, int[] starts, HashSet<int> blocked, ClosureOptions options)
    {
        var items = starts.Where(blocked.Contains).Select(s => (s, 0)).ToList();
        var pruned = ClosureQuery.Run(index, starts, Direction.Dependents, options with { Blocked = blocked });
        var reached = Enumerable.Range(0, pruned.Count).Select(pruned.NodeAt).ToHashSet();
        var raw = ClosureQuery.Run(index, starts, Direction.Dependents, options);
        var lost = new List<(int Node, int Depth)>();
        for (var i = 0; i < raw.Count; i++)
        {
            var node = raw.NodeAt(i);
            if (!reached.Contains(node))
            {
                lost.Add((node, raw.DepthAt(i)));
            }
        }

        return [.. items, .. lost.OrderBy(l => (l.Depth, index.KindOf(l.Node), l.Node))];
    }

    private static List<VexDecision> Decisions(GraphIndex index, HashSet<int> blocked) =>
        [.. blocked.Select(b => new VexDecision(b, Statement(index, b)))];

    private static int Id(GraphIndex index, NodeKind kind, string key) => index.TryFind(kind, key, out var id) ? id : throw new InvalidOperationException(key);

    private static VexEntry Statement(GraphIndex index, int product) =>
        new(1, "CVE-2099-0001", index.RefOf(product), new VexClaim { Status = VexStatus.NotAffected, Issuer = "test" });

    /// <summary>Packages depending on each other, images holding them, deployments running the images; some blocked.</summary>
    private static (GraphIndex Index, int[] Starts, HashSet<int> Blocked) RandomGraph(int seed, bool sidecars = false)
    {
        var random = new Random(seed);
        var builder = new GraphIndexBuilder();
        var packages = Enumerable.Range(0, 200).Select(i => builder.AddNode(NodeKind.PackageVersion, $"pkg:npm/p{i}@1.0.0", null)).ToArray();
        for (var i = 1; i < packages.Length; i++)
        {
            for (var d = 0; d < 3; d++)
            {
                builder.AddEdge(packages[i], packages[random.Next(i)], EdgeKind.DependsOn);
            }
        }

        var images = Enumerable.Range(0, 40).Select(i => builder.AddNode(NodeKind.Image, $"sha256:{i:x4}", $"shop/app{i}:1")).ToArray();
        foreach (var image in images)
        {
            for (var c = 0; c < 15; c++)
            {
                builder.AddEdge(image, packages[random.Next(packages.Length)], EdgeKind.Contains);
            }
        }

        for (var i = 0; i < 80; i++)
        {
            var deployment = builder.AddNode(NodeKind.Deployment, $"production/c/ns/deployment/d{i}", null);
            builder.AddEdge(deployment, images[random.Next(images.Length)], EdgeKind.Runs);
            if (sidecars && i % 3 == 0)
            {
                // A second container's image: the deployment is reached from whichever image the walk meets first.
                builder.AddEdge(deployment, images[random.Next(images.Length)], EdgeKind.Runs);
            }
        }

        var index = builder.Build(0);
        int Id(NodeKind kind, string key) => SuppressionTests.Id(index, kind, key);

        // Starts among the most depended-on packages, so the walks reach far; blocked: a start, packages, images.
        int[] starts = [Id(NodeKind.PackageVersion, "pkg:npm/p0@1.0.0"), Id(NodeKind.PackageVersion, "pkg:npm/p1@1.0.0"), Id(NodeKind.PackageVersion, "pkg:npm/p2@1.0.0")];
        var blocked = new HashSet<int> { starts[1] };
        for (var i = 0; i < 6; i++)
        {
            blocked.Add(Id(NodeKind.PackageVersion, $"pkg:npm/p{random.Next(3, 60)}@1.0.0"));
            blocked.Add(Id(NodeKind.Image, $"sha256:{random.Next(40):x4}"));
        }

        return (index, starts, blocked);
    }
}
