using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Core.Tests.Indexing;

public class NodeOrderTests
{
    [Fact]
    public void ForReverseWalks_UsersAddedFirst_NumberedAfterWhatTheyUse()
    {
        // c → b → a and x → a (DEPENDS_ON), added as c, b, x, a: a walk from a reaches b and x, then c.
        var sources = new[] { 1, 0, 2 };
        var targets = new[] { 3, 1, 3 };
        var kinds = new[] { EdgeKind.DependsOn, EdgeKind.DependsOn, EdgeKind.DependsOn };

        var newId = NodeOrder.ForReverseWalks(4, sources, targets, kinds);

        Assert.Equal([3, 1, 2, 0], newId);
    }

    [Fact]
    public void ForReverseWalks_MostUsedFirst_AndEdgesOutsideTheImpactKindsIgnored()
    {
        // Node 3 is used by 0 and 1; node 2 by 4 only; node 5 is a licence used by everyone (not an impact edge).
        var edges = new (int From, int To, EdgeKind Kind)[]
        {
            (0, 3, EdgeKind.DependsOn), (1, 3, EdgeKind.Contains), (4, 2, EdgeKind.DependsOn),
            (0, 5, EdgeKind.HasLicense), (1, 5, EdgeKind.HasLicense), (2, 5, EdgeKind.HasLicense), (4, 5, EdgeKind.HasLicense),
        };

        var newId = NodeOrder.ForReverseWalks(6, edges.Select(e => e.From).ToArray(), edges.Select(e => e.To).ToArray(), edges.Select(e => e.Kind).ToArray());

        Assert.Equal(0, newId[3]);
        Assert.Equal([1, 2], new[] { newId[0], newId[1] });
        Assert.Equal([3, 4], new[] { newId[2], newId[4] });
        Assert.Equal(5, newId[5]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Build_RandomGraph_RenumberedIndexHoldsTheSameNodesAndEdges(int seed)
    {
        var random = new Random(seed);
        var builder = new GraphIndexBuilder();
        var nodes = Enumerable.Range(0, 400).Select(i => builder.AddNode(i % 10 == 0 ? NodeKind.Image : NodeKind.PackageVersion, $"n{i}", i % 3 == 0 ? $"name{i % 7}" : null)).ToArray();
        var added = new HashSet<(int, int, EdgeKind)>();
        for (var e = 0; e < 1500; e++)
        {
            var edge = (nodes[random.Next(nodes.Length)], nodes[random.Next(nodes.Length)], (EdgeKind)random.Next(14));
            if (added.Add(edge))
            {
                builder.AddEdge(edge.Item1, edge.Item2, edge.Item3);
            }
        }

        var index = builder.Build(0);

        var seen = new HashSet<int>();
        for (var i = 0; i < nodes.Length; i++)
        {
            var id = builder.IndexIdOf(nodes[i]);
            Assert.True(seen.Add(id));
            Assert.Equal($"n{i}", index.KeyOf(id));
            Assert.Equal(i % 3 == 0 ? $"name{i % 7}" : null, index.NameOf(id));
            Assert.True(index.TryFind(index.KindOf(id), $"n{i}", out var found) && found == id);
        }

        var edges = new HashSet<(int, int, EdgeKind)>();
        for (var n = 0; n < index.NodeCount; n++)
        {
            var row = index.Outgoing(n);
            for (var i = 0; i < row.Count; i++)
            {
                edges.Add((n, row.Target(i), row.Kind(i)));
            }
        }

        Assert.Equal(added.Select(e => (builder.IndexIdOf(e.Item1), builder.IndexIdOf(e.Item2), e.Item3)).ToHashSet(), edges);
    }

    [Fact]
    public void Build_PopularPackage_ItsDependentsGetConsecutiveIds()
    {
        // Users of a popular package are added between unrelated nodes; the index numbers them together.
        var builder = new GraphIndexBuilder();
        var popular = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/popular@1", null);
        var users = new List<int>();
        for (var i = 0; i < 50; i++)
        {
            builder.AddNode(NodeKind.PackageVersion, $"pkg:npm/unrelated{i}@1", null);
            var user = builder.AddNode(NodeKind.PackageVersion, $"pkg:npm/user{i}@1", null);
            builder.AddEdge(user, popular, EdgeKind.DependsOn);
            users.Add(user);
        }

        var index = builder.Build(0);

        var ids = users.Select(builder.IndexIdOf).Order().ToArray();
        Assert.Equal(ids[0] + ids.Length - 1, ids[^1]);
        var closure = ClosureQuery.Run(index, [builder.IndexIdOf(popular)], Direction.Dependents);
        Assert.Equal(ids, closure.Hits.Select(h => h.Node).Order());
    }

    [Fact]
    public void From_SnapshotPlusAFewNodes_KeepsTheOrderAndAppends_ManyNodes_OrdersAgain()
    {
        var builder = new GraphIndexBuilder();
        var popular = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/popular@1", null);
        for (var i = 0; i < 64; i++)
        {
            builder.AddEdge(builder.AddNode(NodeKind.PackageVersion, $"pkg:npm/user{i}@1", null), popular, EdgeKind.DependsOn);
        }

        var first = builder.Build(1);
        Assert.Equal(first.NodeCount, first.OrderedNodes);

        // A few new nodes (up to an eighth of the ordered part): every existing id stays, the new ones follow.
        var small = GraphIndexBuilder.From(first);
        var added = small.AddNode(NodeKind.PackageVersion, "pkg:npm/late@1", null);
        Assert.True(first.TryFind(NodeKind.PackageVersion, "pkg:npm/popular@1", out var popularBefore));
        small.AddEdge(added, popularBefore, EdgeKind.DependsOn);
        var second = small.Build(2);
        Assert.Equal(first.NodeCount, second.OrderedNodes);
        Assert.Equal(first.NodeCount, added);
        Assert.All(Enumerable.Range(0, first.NodeCount), n => Assert.Equal(first.KeyOf(n), second.KeyOf(n)));
        Assert.Equal("pkg:npm/late@1", second.KeyOf(first.NodeCount));

        // More than an eighth: the whole graph is ordered again, the late user of popular next to the others.
        var large = GraphIndexBuilder.From(second);
        second.TryFind(NodeKind.PackageVersion, "pkg:npm/popular@1", out var hub);
        for (var i = 0; i < 20; i++)
        {
            large.AddEdge(large.AddNode(NodeKind.PackageVersion, $"pkg:npm/later{i}@1", null), hub, EdgeKind.DependsOn);
        }

        var third = large.Build(3);
        Assert.Equal(third.NodeCount, third.OrderedNodes);
        Assert.True(third.TryFind(NodeKind.PackageVersion, "pkg:npm/popular@1", out var popularId));
        Assert.Equal(0, popularId);
        var closure = ClosureQuery.Run(third, [popularId], Direction.Dependents);
        Assert.Equal(Enumerable.Range(1, closure.Count), closure.Hits.Select(h => h.Node).Order());
    }

    [Fact]
    public void Build_NotOrderedForWalks_KeepsArrivalIds_AndSoDoSnapshotsBuiltFromIt()
    {
        var builder = new GraphIndexBuilder { OrderForWalks = false };
        var popular = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/popular@1", null);
        var users = Enumerable.Range(0, 20).Select(i => builder.AddNode(NodeKind.PackageVersion, $"pkg:npm/user{i}@1", null)).ToList();
        users.Reverse();
        foreach (var user in users)
        {
            builder.AddEdge(user, popular, EdgeKind.DependsOn);
        }

        var index = builder.Build(1);

        Assert.All(Enumerable.Range(0, index.NodeCount), n => Assert.Equal(builder.IndexIdOf(n), n));
        Assert.Equal("pkg:npm/user0@1", index.KeyOf(1));

        // Many new nodes would reorder an ordered snapshot; this one stays in arrival order.
        var next = GraphIndexBuilder.From(index);
        for (var i = 0; i < 20; i++)
        {
            next.AddEdge(next.AddNode(NodeKind.PackageVersion, $"pkg:npm/late{i}@1", null), popular, EdgeKind.DependsOn);
        }

        var later = next.Build(2);
        Assert.Equal("pkg:npm/late0@1", later.KeyOf(index.NodeCount));
        Assert.Equal(0, later.OrderedNodes);
    }
}
