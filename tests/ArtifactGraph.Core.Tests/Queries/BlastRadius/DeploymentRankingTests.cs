using System.Globalization;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Core.Queries.BlastRadius;

namespace ArtifactGraph.Core.Tests.Queries.BlastRadius;

public sealed class DeploymentRankingTests
{
    private static readonly string[] Environments = ["production", "staging", "qa", "dev", "zeta"];
    private static readonly string[] Order = ["production", "staging"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Rank_ManyDeployments_SameOrderAsComparingEachCriterionInTurn(int seed)
    {
        var graph = RandomGraph(seed);

        var ranked = Rank(graph, graph.Properties.GetValueOrDefault);

        Assert.Equal(Expected(graph, ranked), ranked.Select(d => d.Node));
        Assert.Equal(graph.Index.CountOf(NodeKind.Deployment), ranked.Count);
        Assert.All(ranked, d => Assert.Contains(d.Image!.Value, graph.Images));
        Assert.All(ranked, d => Assert.Equal(graph.FixedOf[d.AffectedPackage], d.FixedVersion));
        Assert.Equal(ranked.Select(d => d.Environment), Enumerable.Range(0, ranked.Count).Select(ranked.EnvironmentAt));
        Assert.All(Environments, e => Assert.Equal(Enumerable.Range(0, ranked.Count).Where(r => ranked[r].Environment == e), ranked.RanksIn(e.ToUpperInvariant())));

        // Every deployment's facts are known now: a second ranking reads nothing and agrees.
        var again = Rank(graph, graph.Properties.GetValueOrDefault);
        Assert.Equal(ranked.Select(d => (d.Node, d.Environment, d.Replicas, d.Exposure)), again.Select(d => (d.Node, d.Environment, d.Replicas, d.Exposure)));
    }

    [Theory]
    [InlineData(13)]
    [InlineData(14)]
    public void Rank_DeploymentsAtTwoDepths_EachReadWithItsOwnImageAndDepth(int seed)
    {
        var graph = RandomGraph(seed, deep: true);

        var ranked = Rank(graph, graph.Properties.GetValueOrDefault);

        Assert.Equal(graph.Index.CountOf(NodeKind.Deployment), ranked.Count);
        Assert.Equal(Expected(graph, ranked), ranked.Select(d => d.Node));
        Assert.All(ranked, d =>
        {
            // A deployment may run two images (keys repeat): it is reached from the nearer one.
            var runs = graph.Index.Outgoing(d.Node);
            var images = Enumerable.Range(0, runs.Count).Where(i => runs.Kind(i) == EdgeKind.Runs).Select(runs.Target).ToList();
            Assert.Contains(d.Image!.Value, images);
            Assert.Equal(images.All(i => i == graph.Images[2]) ? 3 : 2, d.Depth);
            Assert.Equal(d.Image == graph.Images[2] ? 3 : 2, d.Depth);
            Assert.Equal(d.Image == graph.Images[0] ? graph.Packages[0] : graph.Packages[1], d.AffectedPackage);
        });
        Assert.Contains(ranked, d => d.Depth == 3);
    }

    [Fact]
    public void Rank_PropertySourceChanges_ReadsTheNewSource()
    {
        var graph = RandomGraph(4);
        var before = Rank(graph, graph.Properties.GetValueOrDefault);

        // Same snapshot, another source that says every deployment is in qa with one replica.
        var qa = new Dictionary<string, string> { ["deploy:environment"] = "qa", ["live:replicas"] = "1" };
        var after = Rank(graph, _ => qa);

        Assert.Contains(before, d => d.Environment != "qa");
        Assert.All(after, d => Assert.Equal(("qa", 1, "internal"), (d.Environment, d.Replicas, d.Exposure)));
        Assert.Equal(after.Select(d => d.Node), after.OrderBy(d => d.FixedVersion is null).ThenBy(d => graph.Index.KeyOf(d.Node), StringComparer.Ordinal).Select(d => d.Node));
    }

    [Fact]
    public void Rank_ReplicasOutsideTheKeysRange_ClampedNotWrapped()
    {
        var graph = RandomGraph(5);
        var replicas = new[] { "-3", "0", "2000000", "5", "x" };
        var i = 0;
        var props = graph.Properties.Keys.ToDictionary(k => k, k => new Dictionary<string, string> { ["deploy:environment"] = "production", ["live:replicas"] = replicas[i++ % replicas.Length] });

        var ranked = Rank(graph, k => props.GetValueOrDefault(k));

        var first = ranked.TakeWhile(d => d.Replicas == 2_000_000).Count();
        Assert.True(first > 0);
        Assert.All(ranked.Skip(first), d => Assert.True(d.Replicas <= 5));
        Assert.Contains(ranked, d => d.Replicas == 1);
    }

    [Fact]
    public void Rank_ConcurrentQueriesOnOneSnapshot_SameAnswer()
    {
        var graph = RandomGraph(6);
        var expected = Rank(graph, graph.Properties.GetValueOrDefault).Select(d => (d.Node, d.Environment, d.Cluster, d.Replicas)).ToList();
        var fresh = RandomGraph(6);
        var shared = Reader(fresh.Properties.GetValueOrDefault);

        var answers = Enumerable.Range(0, 8).AsParallel().Select(_ => Rank(fresh, shared).Select(d => (d.Node, d.Environment, d.Cluster, d.Replicas)).ToList()).ToList();

        Assert.All(answers, a => Assert.Equal(expected, a));
    }

    [Fact]
    public void Rank_SomeDeploymentsReadFirst_LaterAnswersPlaceTheNewOnesToo()
    {
        var graph = RandomGraph(7);
        var reader = Reader(graph.Properties.GetValueOrDefault);

        // The first answer reads only the fixed package's deployments; the second reads the rest.
        var some = Rank(graph, reader, [graph.Packages[0]], Order);
        var all = Rank(graph, reader, graph.Packages, Order);

        Assert.InRange(some.Count, 1, all.Count - 1);
        Assert.Equal(Expected(graph, some), some.Select(d => d.Node));
        Assert.Equal(Expected(graph, all), all.Select(d => d.Node));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    public void Rank_DeploymentsReadBefore_PlacedStraightFromTheClosureInTheSameOrder(int seed)
    {
        var graph = RandomGraph(seed);
        var reader = Reader(graph.Properties.GetValueOrDefault);

        // The first answer reaches every deployment, so every fact is known; the next ones, about one affected version
        // each (no fix to order by), place their deployments by node without gathering them first.
        var all = Rank(graph, reader, graph.Packages, Order);
        var unfixed = Rank(graph, reader, [graph.Packages[1]], Order);
        var fixedOnly = Rank(graph, reader, [graph.Packages[0]], ["staging", "dev"]);

        Assert.Equal(graph.Index.CountOf(NodeKind.Deployment), all.Count);
        Assert.InRange(unfixed.Count, 1, all.Count - 1);
        Assert.Equal(Expected(graph, unfixed), unfixed.Select(d => d.Node));
        Assert.Equal(Expected(graph, fixedOnly, ["staging", "dev"]), fixedOnly.Select(d => d.Node));
        Assert.Equal(all.Select(d => d.Node).Order(), unfixed.Concat(fixedOnly).Select(d => d.Node).Distinct().Order());
    }

    [Fact]
    public void Rank_AnswerMeetsDeploymentsNotReadYet_ReadsThemAndPlacesThemToo()
    {
        var graph = RandomGraph(12);
        var reader = Reader(graph.Properties.GetValueOrDefault);

        // The first answer reads the fixed version's deployments; the second, about the other version alone (no fix to
        // order by), meets deployments the snapshot's places do not know yet and must read them rather than place them.
        var first = Rank(graph, reader, [graph.Packages[0]], Order);
        var second = Rank(graph, reader, [graph.Packages[1]], Order);
        var again = Rank(graph, reader, [graph.Packages[1]], Order);

        Assert.InRange(first.Count, 1, graph.Index.CountOf(NodeKind.Deployment) - 1);
        Assert.Equal(Expected(graph, second), second.Select(d => d.Node));
        Assert.Equal(second.Select(d => (d.Node, d.Environment, d.Replicas)), again.Select(d => (d.Node, d.Environment, d.Replicas)));
    }

    [Fact]
    public void Rank_LaterAnswerMeetsANewEnvironment_PlacesItByTheOrder()
    {
        // The first answer's deployments are all in staging; the second's others are in production, named only then.
        var graph = RandomGraph(9);
        var first = ClosureQuery.Run(graph.Index, [graph.Packages[0]], Direction.Dependents);
        var staging = first.IndicesOf(NodeKind.Deployment).Select(first.NodeAt).Select(graph.Index.RefOf).ToHashSet();
        var reader = Reader(node => new Dictionary<string, string> { ["deploy:environment"] = staging.Contains(node) ? "staging" : "production" });

        var some = Rank(graph, reader, [graph.Packages[0]], Order);
        var all = Rank(graph, reader, graph.Packages, Order);

        Assert.All(some, d => Assert.Equal("staging", d.Environment));
        Assert.Equal("production", all[0].Environment);
        Assert.Equal(Expected(graph, all), all.Select(d => d.Node));
    }

    [Fact]
    public void Rank_EnvironmentOrderChangesBetweenAnswers_EachAnswerFollowsItsOwn()
    {
        var graph = RandomGraph(8);
        var reader = Reader(graph.Properties.GetValueOrDefault);
        string[] qaFirst = ["qa", "zeta"];

        var first = Rank(graph, reader, graph.Packages, Order);
        var second = Rank(graph, reader, graph.Packages, qaFirst);
        var third = Rank(graph, reader, graph.Packages, Order);

        Assert.Equal(Expected(graph, first), first.Select(d => d.Node));
        Assert.Equal(Expected(graph, second, qaFirst), second.Select(d => d.Node));
        Assert.Equal(first.Select(d => d.Node), third.Select(d => d.Node));
        Assert.NotEqual(first.Select(d => d.Node), second.Select(d => d.Node));
    }

    private static RankedDeployments Rank(RandomDeployments graph, Func<NodeRef, IReadOnlyDictionary<string, string>?> propertiesOf) =>
        Rank(graph, Reader(propertiesOf));

    /// <summary>One reader for several queries: facts are kept per snapshot and reader.</summary>
    private static NodePropertyReader Reader(Func<NodeRef, IReadOnlyDictionary<string, string>?> propertiesOf) =>
        nodes => nodes.Select(n => (n, p: propertiesOf(n))).Where(x => x.p is not null).ToDictionary(x => x.n, x => x.p!);

    private static RankedDeployments Rank(RandomDeployments graph, NodePropertyReader reader) => Rank(graph, reader, graph.Packages, Order);

    private static RankedDeployments Rank(RandomDeployments graph, NodePropertyReader reader, int[] packages, string[] order)
    {
        var closure = ClosureQuery.Run(graph.Index, packages, Direction.Dependents);
        return DeploymentRanking.Rank(
            graph.Index,
            reader,
            closure,
            graph.Affected.Where(a => packages.Contains(a.Node)).ToList(),
            new Dictionary<string, string>(),
            order);
    }

    private static IEnumerable<int> Expected(RandomDeployments graph, IReadOnlyList<RankedDeployment> ranked, string[]? order = null) => ranked
        .OrderBy(d => Array.IndexOf(order ?? Order, d.Environment) is var at and >= 0 ? at : (order ?? Order).Length)
        .ThenBy(d => d.Environment, StringComparer.Ordinal)
        .ThenBy(d => d.Exposure == "internet" ? 0 : 1)
        .ThenByDescending(d => d.Replicas)
        .ThenBy(d => d.FixedVersion is null ? 1 : 0)
        .ThenBy(d => graph.Index.KeyOf(d.Node), StringComparer.Ordinal)
        .Select(d => d.Node);

    /// <summary>
    /// Two affected versions (one with a fix, one without) in three images run by 300 deployments. <paramref name="deep"/>:
    /// the third image holds the version without a fix through a package that depends on it, so its deployments are one
    /// step further than the others', after a package at their depth (the two depths' deployments are not consecutive hits).
    /// </summary>
    private static RandomDeployments RandomGraph(int seed, bool deep = false)
    {
        var random = new Random(seed);
        var builder = new GraphIndexBuilder();
        var fixedPackage = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/lodash@4.17.20", null);
        var unfixedPackage = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/left-pad@1.0.0", null);
        var images = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var image = builder.AddNode(NodeKind.Image, $"sha256:a{i}", $"shop/api{i}:1");
            if (deep && i == 2)
            {
                var middle = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/middle@2.0.0", null);
                var top = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/top@3.0.0", null);
                var upper = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/upper@4.0.0", null);
                builder.AddEdge(middle, unfixedPackage, EdgeKind.DependsOn);
                builder.AddEdge(top, middle, EdgeKind.DependsOn);
                builder.AddEdge(upper, top, EdgeKind.DependsOn);
                builder.AddEdge(image, middle, EdgeKind.Contains);
            }
            else
            {
                builder.AddEdge(image, i == 0 ? fixedPackage : unfixedPackage, EdgeKind.Contains);
            }

            images.Add(image);
        }

        var properties = new Dictionary<NodeRef, IReadOnlyDictionary<string, string>>();
        for (var i = 0; i < 300; i++)
        {
            var key = $"{Environments[random.Next(Environments.Length)]}/c{random.Next(3)}/ns/deployment/app-{random.Next(1000):D4}";
            var deployment = builder.AddNode(NodeKind.Deployment, key, null);
            builder.AddEdge(deployment, images[random.Next(images.Count)], EdgeKind.Runs);
            properties[new NodeRef(NodeKind.Deployment, key)] = new Dictionary<string, string>
            {
                ["deploy:environment"] = key[..key.IndexOf('/')],
                ["deploy:cluster"] = key.Split('/')[1],
                ["live:exposure"] = random.Next(3) == 0 ? "internet" : "internal",
                ["live:replicas"] = random.Next(4).ToString(CultureInfo.InvariantCulture),
            };
        }

        // The index numbers nodes for locality, not as the builder did: ids from here on are the index's.
        var index = builder.Build(0);
        fixedPackage = IdOf(index, NodeKind.PackageVersion, "pkg:npm/lodash@4.17.20");
        unfixedPackage = IdOf(index, NodeKind.PackageVersion, "pkg:npm/left-pad@1.0.0");
        images = [.. Enumerable.Range(0, 3).Select(i => IdOf(index, NodeKind.Image, $"sha256:a{i}"))];
        var claim = new AffectedEntry(1, "GHSA-test", new NodeRef(NodeKind.Package, "pkg:npm/lodash"), new AffectedClaim { Ecosystem = "npm" });
        var fixedOf = new Dictionary<int, string?> { [fixedPackage] = "4.17.21", [unfixedPackage] = null };
        IReadOnlyList<AffectedVersion> affected =
        [
            new(fixedPackage, "4.17.20", [new AffectedMatch(claim, "range", "4.17.21")]),
            new(unfixedPackage, "1.0.0", [new AffectedMatch(claim, "range", null)]),
        ];
        return new RandomDeployments(index, [fixedPackage, unfixedPackage], images, properties, affected, fixedOf);
    }

    private static int IdOf(GraphIndex index, NodeKind kind, string key) =>
        index.TryFind(kind, key, out var id) ? id : throw new InvalidOperationException($"no {kind} {key}");

    private sealed record RandomDeployments(GraphIndex Index, int[] Packages, List<int> Images, Dictionary<NodeRef, IReadOnlyDictionary<string, string>> Properties, IReadOnlyList<AffectedVersion> Affected, Dictionary<int, string?> FixedOf);
}
