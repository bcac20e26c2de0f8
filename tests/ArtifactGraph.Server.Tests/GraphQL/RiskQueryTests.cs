using System.Globalization;
using System.Text.Json;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>risk(minScore, runningOnly) over the demo supply chain answers what the CLI's risk --json answers.</summary>
public sealed class RiskQueryTests(AllSamplesFixture samples) : IClassFixture<AllSamplesFixture>
{
    private const string Selection = "minScore runningOnly checked images(first: 50) { totalCount edges { node { image { kind key } tags deployments environments signals { code detail } } } }";

    private readonly ServerFixture _server = samples.Server;

    [Theory]
    [InlineData(5.0, false)]
    [InlineData(7.0, false)]
    [InlineData(5.0, true)]
    public async Task Risk_Demo_SameImagesAndSignalsAsTheCli(double minScore, bool runningOnly)
    {
        var data = await _server.DataAsync($"query($m: Float, $r: Boolean) {{ risk(minScore: $m, runningOnly: $r) {{ {Selection} }} }}", new { m = minScore, r = runningOnly });

        var score = minScore.ToString(CultureInfo.InvariantCulture);
        string[] args = runningOnly ? ["risk", "--min-score", score, "--running"] : ["risk", "--min-score", score];
        var cli = _server.CliJson(args);
        var risk = data.GetProperty("risk");
        Assert.Equal(cli.GetProperty("checked").GetInt32(), risk.GetProperty("checked").GetInt32());
        Assert.Equal(runningOnly, risk.GetProperty("runningOnly").GetBoolean());
        Assert.Equal(Rows(cli.GetProperty("images").EnumerateArray()), Rows(risk.GetProperty("images").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))));
        Assert.Equal(cli.GetProperty("images").GetArrayLength(), risk.GetProperty("images").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Risk_MinScoreOutOfRange_BadArgument()
    {
        var (_, body) = await _server.GraphQLAsync("{ risk(minScore: 11) { checked } }");

        Assert.Equal("BAD_ARGUMENT", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    /// <summary>One line per image: the CLI's id or the API's image key, then tags, deployments, environments and signals.</summary>
    private static List<string> Rows(IEnumerable<JsonElement> images) =>
    [
        .. images.Select(i =>
            $"{(i.TryGetProperty("image", out var image) ? image.GetProperty("key").GetString() : i.GetProperty("id").GetString())} " +
            $"{string.Join(",", i.GetProperty("tags").EnumerateArray())} {i.GetProperty("deployments").GetInt32()} " +
            $"{string.Join(",", i.GetProperty("environments").EnumerateArray())} " +
            string.Join(";", i.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("code").GetString() + "=" + s.GetProperty("detail").GetString()))),
    ];
}
