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
        var decisions = blocked.Select(b => new VexDecision(b, Statement(index, b))).ToList();
        var options = new ClosureOptions();

        var (pruned, items) = Suppression.Explain(index, starts, [.. blocked], decisions, options);

        var expected = Reference(index, starts, [.. blocked], options);
        Assert.Equal(expected, items.Select(i => (i.Node, i.Depth, i.Decision.Product, i.Direct)));
        Assert.Contains(items, i => !i.Direct);
        Assert.Equal(ClosureQuery.Run(index, starts, Direction.Dependents, options with { Blocked = [.. blocked] }).Count, pruned.Count);
    }

    [Fact]
    public void Explain_DepthLimited_OnlyLossesWithinTheDepth()
    {
        var (index, starts, blocked) = RandomGraph(6);
        var decisions = blocked.Select(b => new VexDecision(b, Statement(index, b))).ToList();
        var options = new ClosureOptions { MaxDepth = 2 };

        var (_, items) = Suppression.Explain(index, starts, [.. blocked], decisions, options);

        Assert.Equal(Reference(index, starts, [.. blocked], options), items.Select(i => (i.Node, i.Depth, i.Decision.Product, i.Direct)));
        Assert.All(items, i => Assert.InRange(i.Depth, 0, 2));
    }

    /// <summary>The way suppression was first computed: both walks in full, the raw one's hits the pruned one lacks.</summary>
    private static List<(int Node, int Depth, int Product, bool Direct)> Reference(GraphIndex index, int[] starts, HashSet<int> blocked, ClosureOptions options)
    {
        var items = starts.Where(blocked.Contains).Select(s => (s, 0, s, true)).ToList();
        var pruned = ClosureQuery.Run(index, starts, Direction.Dependents, options with { Blocked = blocked });
        var reached = Enumerable.Range(0, pruned.Count).Select(pruned.NodeAt).ToHashSet();
        var raw = ClosureQuery.Run(index, starts, Direction.Dependents, options);
        for (var i = 0; i < raw.Count; i++)
        {
            var node = raw.NodeAt(i);
            if (!reached.Contains(node))
            {
                var through = raw.PathOf(i).Select(s => s.Node).First(blocked.Contains);
                items.Add((node, raw.DepthAt(i), through, through == node));
            }
        }

        return items;
    }

    private static VexEntry Statement(GraphIndex index, int product) =>
        new(1, "CVE-2099-0001", index.RefOf(product), new VexClaim { Status = VexStatus.NotAffected, Issuer = "test" });

    /// <summary>Packages depending on each other, images holding them, deployments running the images; some blocked.</summary>
    private static (GraphIndex Index, int[] Starts, HashSet<int> Blocked) RandomGraph(int seed)
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
        }

        var index = builder.Build(0);
        int Id(NodeKind kind, string key) => index.TryFind(kind, key, out var id) ? id : throw new InvalidOperationException(key);

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
