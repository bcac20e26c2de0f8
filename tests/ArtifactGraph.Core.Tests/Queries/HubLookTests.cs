using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Core.Tests.Queries;

/// <summary>
/// The bottom-up look at hubs must change nothing but which of several equally short parents a hub keeps:
/// the same nodes at the same depths as a plain breadth-first walk, every path made of real edges.
/// </summary>
public class HubLookTests
{
    private const int Wide = Hubs.RowLength + 2;

    [Fact]
    public void Walk_FrontierEdgesMostlyToVisitedHubs_LooksFromTheHubSide()
    {
        // S ← C1..Cn (DEPENDS_ON); hub H0 CONTAINS S and every C; hub H CONTAINS every C, listed last first.
        // Level 1 reads n edges into H0 (visited) and n into H: more than H's own row, so H looks bottom-up
        // and keeps the first expanded node of its own row, Cn; a top-down read would keep C1.
        var builder = new GraphIndexBuilder();
        var start = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/s@1", null);
        var components = Enumerable.Range(1, Wide).Select(i => builder.AddNode(NodeKind.PackageVersion, $"pkg:npm/c{i}@1", null)).ToArray();
        var visitedHub = builder.AddNode(NodeKind.Image, "sha256:h0", null);
        var hub = builder.AddNode(NodeKind.Image, "sha256:h", null);
        builder.AddEdge(visitedHub, start, EdgeKind.Contains);
        foreach (var c in components)
        {
            builder.AddEdge(c, start, EdgeKind.DependsOn);
            builder.AddEdge(visitedHub, c, EdgeKind.Contains);
        }

        foreach (var c in components.Reverse())
        {
            builder.AddEdge(hub, c, EdgeKind.Contains);
        }

        var index = builder.Build(0);
        (start, hub, visitedHub, components) = (builder.IndexIdOf(start), builder.IndexIdOf(hub), builder.IndexIdOf(visitedHub), [.. components.Select(builder.IndexIdOf)]);
        var result = ClosureQuery.Run(index, [start], Direction.Dependents);

        var hit = result.Hits.Single(h => h.Node == hub);
        Assert.Equal(2, hit.Depth);
        Assert.Equal([hub, components[^1], start], hit.Path.Select(s => s.Node));
        Assert.Equal(1, result.Hits.Single(h => h.Node == visitedHub).Depth);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Walk_RandomGraphWithHubs_SameDepthsAsPlainBreadthFirstAndRealPaths(int seed)
    {
        var index = RandomGraph(seed, out var packages);
        var random = new Random(seed);
        for (var q = 0; q < 20; q++)
        {
            var target = packages[(int)Math.Min(packages.Length - 1, Math.Abs(random.NextDouble() * random.NextDouble()) * packages.Length)];
            var result = ClosureQuery.Run(index, [target], Direction.Dependents);
            var expected = PlainDepths(index, target);

            Assert.Equal(expected.Count, result.Count);
            foreach (var hit in result.Hits)
            {
                Assert.Equal(expected[hit.Node], hit.Depth);
                Assert.Equal(hit.Depth + 1, hit.Path.Count);
                Assert.Equal(target, hit.Path[^1].Node);
                for (var i = 1; i < hit.Path.Count; i++)
                {
                    var (from, to) = hit.Path[i].Forward ? (hit.Path[i - 1].Node, hit.Path[i].Node) : (hit.Path[i].Node, hit.Path[i - 1].Node);
                    Assert.True(index.HasEdge(from, to, hit.Path[i].Edge!.Value), $"no {hit.Path[i].Edge} edge {from} → {to}");
                }
            }
        }
    }

    [Fact]
    public void Walk_BlockedNodesInHubRow_NeverParentsBottomUp()
    {
        // S ← C1..Cn and D1..Dn (DEPENDS_ON); H0 CONTAINS S, every C and every D; H CONTAINS Cn..C1 in that
        // order. C2..Cn are blocked (VEX): level 1 is C1, the Ds and H0, whose edges into hubs outnumber H's
        // row, so H looks bottom-up past the blocked Cs (discovered by nobody) to C1.
        var builder = new GraphIndexBuilder();
        var start = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/s@1", null);
        var components = Enumerable.Range(1, Wide).Select(i => builder.AddNode(NodeKind.PackageVersion, $"pkg:npm/c{i}@1", null)).ToArray();
        var others = Enumerable.Range(1, Wide).Select(i => builder.AddNode(NodeKind.PackageVersion, $"pkg:npm/d{i}@1", null)).ToArray();
        var visitedHub = builder.AddNode(NodeKind.Image, "sha256:h0", null);
        var hub = builder.AddNode(NodeKind.Image, "sha256:h", null);
        builder.AddEdge(visitedHub, start, EdgeKind.Contains);
        foreach (var c in components.Concat(others))
        {
            builder.AddEdge(c, start, EdgeKind.DependsOn);
            builder.AddEdge(visitedHub, c, EdgeKind.Contains);
        }

        foreach (var c in components.Reverse())
        {
            builder.AddEdge(hub, c, EdgeKind.Contains);
        }

        var index = builder.Build(0);
        (start, hub, components) = (builder.IndexIdOf(start), builder.IndexIdOf(hub), [.. components.Select(builder.IndexIdOf)]);
        var blocked = components.Skip(1).ToArray();
        var result = ClosureQuery.Run(index, [start], Direction.Dependents, new ClosureOptions { Blocked = blocked });

        var hit = result.Hits.Single(h => h.Node == hub);
        Assert.Equal([hub, components[0], start], hit.Path.Select(s => s.Node));
        Assert.DoesNotContain(result.Hits, h => blocked.Contains(h.Node));
    }

    /// <summary>Packages with dependencies on more popular ones, images holding a skewed sample, deployments.</summary>
    private static GraphIndex RandomGraph(int seed, out int[] packages)
    {
        var random = new Random(seed);
        var builder = new GraphIndexBuilder();
        var all = Enumerable.Range(0, 600).Select(i => builder.AddNode(NodeKind.PackageVersion, $"pkg:npm/p{i}@1", null)).ToArray();
        packages = all;
        for (var i = 1; i < packages.Length; i++)
        {
            for (var d = random.Next(4); d > 0; d--)
            {
                builder.AddEdge(packages[i], packages[(int)(random.NextDouble() * random.NextDouble() * i)], EdgeKind.DependsOn);
            }
        }

        var images = new List<int>();
        for (var m = 0; m < 60; m++)
        {
            var image = builder.AddNode(NodeKind.Image, $"sha256:{m:x4}", null);
            images.Add(image);
            var size = random.Next(20, 3 * Hubs.RowLength);
            foreach (var p in Enumerable.Range(0, size).Select(_ => all[(int)(random.NextDouble() * random.NextDouble() * all.Length)]).Distinct())
            {
                builder.AddEdge(image, p, EdgeKind.Contains);
            }

            if (m > 0 && random.Next(3) == 0)
            {
                builder.AddEdge(image, images[random.Next(m)], EdgeKind.BasedOn);
            }

            var deployment = builder.AddNode(NodeKind.Deployment, $"deploy/{m}", null);
            builder.AddEdge(deployment, image, EdgeKind.Runs);
        }

        var index = builder.Build(0);
        packages = [.. all.Select(builder.IndexIdOf)];
        return index;
    }

    /// <summary>A textbook queue walk over the impact edges, for reference depths.</summary>
    private static Dictionary<int, int> PlainDepths(GraphIndex index, int start)
    {
        var depth = new Dictionary<int, int> { [start] = 0 };
        var queue = new Queue<int>([start]);
        while (queue.TryDequeue(out var node))
        {
            var incoming = index.Incoming(node);
            for (var i = 0; i < incoming.Count; i++)
            {
                if (EdgeKindSet.Impact.Contains(incoming.Kind(i)) && depth.TryAdd(incoming.Target(i), depth[node] + 1))
                {
                    queue.Enqueue(incoming.Target(i));
                }
            }
        }

        depth.Remove(start);
        return depth;
    }
}
