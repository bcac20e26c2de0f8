using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Core.Queries.BlastRadius;

namespace ArtifactGraph.Core.Tests.Queries.BlastRadius;

public sealed class DeploymentRankingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Rank_ManyDeployments_SameOrderAsComparingEachCriterionInTurn(int seed)
    {
        var random = new Random(seed);
        var builder = new GraphIndexBuilder();
        var package = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/lodash@4.17.20", null);
        var image = builder.AddNode(NodeKind.Image, "sha256:aa", "shop/api:1");
        builder.AddEdge(image, package, EdgeKind.Contains);
        var properties = new Dictionary<NodeRef, IReadOnlyDictionary<string, string>>();
        string[] environments = ["production", "staging", "qa", "dev", "zeta"];
        for (var i = 0; i < 300; i++)
        {
            var key = $"{environments[random.Next(environments.Length)]}/c{random.Next(3)}/ns/deployment/app-{random.Next(1000):D4}";
            var deployment = builder.AddNode(NodeKind.Deployment, key, null);
            builder.AddEdge(deployment, image, EdgeKind.Runs);
            properties[new NodeRef(NodeKind.Deployment, key)] = new Dictionary<string, string>
            {
                ["deploy:environment"] = key[..key.IndexOf('/')],
                ["live:exposure"] = random.Next(3) == 0 ? "internet" : "internal",
                ["live:replicas"] = random.Next(4).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        var index = builder.Build(0);
        var closure = ClosureQuery.Run(index, [package], Direction.Dependents);
        string[] order = ["production", "staging"];

        var ranked = DeploymentRanking.Rank(index, nodes => properties, closure, [], new Dictionary<string, string>(), order);

        var expected = ranked
            .OrderBy(d => order.Contains(d.Environment) ? Array.IndexOf(order, d.Environment) : order.Length)
            .ThenBy(d => d.Environment, StringComparer.Ordinal)
            .ThenBy(d => d.Exposure == "internet" ? 0 : 1)
            .ThenByDescending(d => d.Replicas)
            .ThenBy(d => index.KeyOf(d.Node), StringComparer.Ordinal)
            .Select(d => d.Node);
        Assert.Equal(expected, ranked.Select(d => d.Node));
        Assert.Equal(index.CountOf(NodeKind.Deployment), ranked.Count);
        Assert.All(ranked, d => Assert.Equal(image, d.Image));
    }
}
