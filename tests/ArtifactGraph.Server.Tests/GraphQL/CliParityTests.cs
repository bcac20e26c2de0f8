using System.Text.Json.Nodes;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>GraphQL answers equal the CLI's --json answers for the same question on the same data.</summary>
public sealed class CliParityTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string ClosureSelection = $"target {{ query matched {{ {CliShapes.NodeFields} }} }} totalCount edges {{ node {{ {CliShapes.NodeFields} }} depth path {{ {CliShapes.StepFields} }} }}";

    [Theory]
    [InlineData("pkg:npm/lodash")]
    [InlineData("pkg:npm/ms@2.0.0")]
    [InlineData("pkg:apk/alpine/musl@1.2.4-r2")]
    [InlineData("pkg:npm/does-not-exist")]
    public async Task Dependents_Target_EqualsCliJson(string target)
    {
        var data = await server.DataAsync($"query($t: String!) {{ dependents(target: $t, first: 500) {{ {ClosureSelection} }} }}", new { t = target });

        var cli = server.CliJson("dependents", target);
        Assert.Equal(CliShapes.Text(cli), CliShapes.Text(CliShapes.Closure(data.GetProperty("dependents"))));
    }

    [Theory]
    [InlineData("pkg:npm/shop-api@1.4.2", null)]
    [InlineData("pkg:npm/express@4.18.2", 1)]
    public async Task Dependencies_Target_EqualsCliJson(string target, int? depth)
    {
        var data = await server.DataAsync($"query($t: String!, $d: Int) {{ dependencies(target: $t, depth: $d, first: 500) {{ {ClosureSelection} }} }}", new { t = target, d = depth });

        var cli = depth is null ? server.CliJson("deps", target) : server.CliJson("deps", target, "--depth", depth.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(CliShapes.Text(cli), CliShapes.Text(CliShapes.Closure(data.GetProperty("dependencies"))));
    }

    [Fact]
    public async Task Dependents_Paged_PagesConcatenateToTheCliAnswer()
    {
        var cli = server.CliJson("dependents", "pkg:npm/ms@2.0.0");
        var ids = new List<string>();
        string? after = null;
        do
        {
            var data = await server.DataAsync("query($a: String) { dependents(target: \"pkg:npm/ms@2.0.0\", first: 2, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { key } } } }", new { a = after });
            var page = data.GetProperty("dependents");
            Assert.Equal(cli.GetProperty("count").GetInt32(), page.GetProperty("totalCount").GetInt32());
            ids.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("key").GetString()!));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal(cli.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()), ids);
    }

    [Fact]
    public async Task Path_ImageToPackage_EqualsCliWhyJson()
    {
        const string From = "pkg:npm/shop-api@1.4.2";
        const string To = "pkg:npm/ms@2.0.0";
        var data = await server.DataAsync(
            $"query($f: String!, $t: String!) {{ path(from: $f, to: $t) {{ found reversed length path {{ {CliShapes.StepFields} documents {{ sha256 format name ingestedAt effectiveAt current }} }} }} }}",
            new { f = From, t = To });

        var cli = server.CliJson("why", From, To);
        var path = data.GetProperty("path");
        var shaped = new JsonObject
        {
            ["from"] = From,
            ["to"] = To,
            ["found"] = path.GetProperty("found").GetBoolean(),
            ["reversed"] = path.GetProperty("reversed").GetBoolean(),
            ["length"] = path.GetProperty("length").GetInt32(),
            ["path"] = CliShapes.Path(path.GetProperty("path")),
        };
        var steps = path.GetProperty("path").EnumerateArray().ToList();
        for (var i = 1; i < steps.Count; i++)
        {
            shaped["path"]![i]!["documents"] = JsonNode.Parse(steps[i].GetProperty("documents").GetRawText());
        }

        Assert.True(path.GetProperty("found").GetBoolean());
        Assert.Equal(CliShapes.Text(cli), CliShapes.Text(shaped));
    }

    [Fact]
    public async Task Stats_EqualsCliStatsJson()
    {
        var data = await server.DataAsync("{ stats { documents nodes { kind count } edges { kind count } indexNodes } }");

        var cli = server.CliJson("stats");
        var stats = data.GetProperty("stats");
        Assert.Equal(cli.GetProperty("documents").GetInt32(), stats.GetProperty("documents").GetInt32());
        Assert.Equal(
            cli.GetProperty("nodes").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetInt64()}"),
            stats.GetProperty("nodes").EnumerateArray().Select(n => $"{n.GetProperty("kind").GetString()}={n.GetProperty("count").GetInt64()}"));
        Assert.Equal(
            cli.GetProperty("edges").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetInt64()}"),
            stats.GetProperty("edges").EnumerateArray().Select(n => $"{n.GetProperty("kind").GetString()}={n.GetProperty("count").GetInt64()}"));
    }
}
