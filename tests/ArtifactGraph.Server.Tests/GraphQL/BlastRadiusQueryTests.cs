using System.Text.Json;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>blastRadius over the whole demo supply chain answers what the CLI's blast-radius --json answers.</summary>
public sealed class BlastRadiusQueryTests : IDisposable
{
    private const string Selection = """
        vulnerability { id aliases score severity }
        counts { packages images deployments suppressed }
        affectedPackages { node { key } explanation fixedVersion advisory { key } }
        images(first: 50) { totalCount edges { node { key } depth path { node { key } edge } } }
        deployments(first: 50) { totalCount edges { rank node { key } environment exposure replicas image { key } package { key } fixedVersion } }
        suppressed { node { key } direct status justification issuer }
        vexApplied
        """;

    private readonly ServerFixture _server = new(new Dictionary<string, string?>(), seed: false);

    public BlastRadiusQueryTests() =>
        Assert.Equal(0, _server.Cli("ingest", Path.Combine(Corpus.RepositoryRoot, "ingest", "samples")).Exit);

    public void Dispose() => _server.Dispose();

    private static List<string?> Keys(JsonElement list, string path = "key") =>
        list.EnumerateArray().Select(e => e.GetProperty(path).GetString()).ToList();

    private static List<string?> Strings(JsonElement list) => list.EnumerateArray().Select(e => e.GetString()).ToList();

    [Theory]
    [InlineData("CVE-2024-28849", false)]
    [InlineData("GHSA-cxjh-pqwp-8mfp", true)]
    [InlineData("CVE-2021-44228", false)]
    public async Task BlastRadius_Vulnerability_EqualsCliJson(string id, bool ignoreVex)
    {
        var data = await _server.DataAsync($"query($v: String!, $i: Boolean) {{ blastRadius(vulnerability: $v, ignoreVex: $i) {{ {Selection} }} }}", new { v = id, i = ignoreVex });
        var answer = data.GetProperty("blastRadius");
        var cli = ignoreVex ? _server.CliJson("blast-radius", "--vuln", id, "--ignore-vex") : _server.CliJson("blast-radius", "--vuln", id);

        Assert.Equal(cli.GetProperty("vulnerability").GetProperty("id").GetString(), answer.GetProperty("vulnerability").GetProperty("id").GetString());
        Assert.Equal(Strings(cli.GetProperty("vulnerability").GetProperty("aliases")), Strings(answer.GetProperty("vulnerability").GetProperty("aliases")));
        foreach (var count in new[] { "packages", "images", "deployments", "suppressed" })
        {
            Assert.Equal(cli.GetProperty("counts").GetProperty(count).GetInt32(), answer.GetProperty("counts").GetProperty(count).GetInt32());
        }

        Assert.Equal(Keys(cli.GetProperty("affectedPackages"), "id"), answer.GetProperty("affectedPackages").EnumerateArray().Select(a => a.GetProperty("node").GetProperty("key").GetString()).ToList());
        Assert.Equal(Keys(cli.GetProperty("images"), "id"), answer.GetProperty("images").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("key").GetString()).ToList());
        Assert.Equal(Keys(cli.GetProperty("deployments"), "id"), answer.GetProperty("deployments").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("key").GetString()).ToList());
        Assert.Equal(Keys(cli.GetProperty("suppressed"), "id"), answer.GetProperty("suppressed").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("key").GetString()).ToList());
        Assert.Equal(cli.GetProperty("vexApplied").GetBoolean(), answer.GetProperty("vexApplied").GetBoolean());
    }

    [Fact]
    public async Task BlastRadius_DeploymentsFilteredByEnvironment_KeepTheirRank()
    {
        var data = await _server.DataAsync("{ blastRadius(vulnerability: \"CVE-2024-28849\") { deployments(first: 10, environment: \"staging\") { totalCount edges { rank environment fixedVersion } } } }");

        var edge = Assert.Single(data.GetProperty("blastRadius").GetProperty("deployments").GetProperty("edges").EnumerateArray());
        Assert.Equal(2, edge.GetProperty("rank").GetInt32());
        Assert.Equal("staging", edge.GetProperty("environment").GetString());
        Assert.Equal("1.15.6", edge.GetProperty("fixedVersion").GetString());
    }

    [Fact]
    public async Task BlastRadius_TwoTargets_IsAGraphQLError()
    {
        var (_, body) = await _server.GraphQLAsync("{ blastRadius(vulnerability: \"CVE-2024-28849\", purl: \"pkg:npm/x\") { query } }");

        Assert.Contains("exactly one", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
