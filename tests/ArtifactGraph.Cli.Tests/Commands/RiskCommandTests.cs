using System.Text.Json;

namespace ArtifactGraph.Cli.Tests.Commands;

/// <summary>
/// <c>risk</c> over the demo supply chain: shop/api has an SLSA provenance that is not signed and a Scorecard of
/// 6.4 for its commit; the other images, the base image included, have no provenance at all.
/// </summary>
public sealed class RiskCommandTests : IDisposable
{
    private const string ApiImage = "sha256:d20141dbeaeb24ed0d7bbc855d6b7f7c4bfce46b85d8b851f36ad8a47db7b7d1";
    private const string BaseImage = "sha256:423505b4a97b8deffa691e74454fd82991735da781d0d7d35d0f7b73f06c00ec";
    private readonly CliRunner _cli = new();

    public RiskCommandTests()
    {
        var (exit, output, error) = _cli.Run("ingest", CliRunner.Samples);
        Assert.True(exit == 0, output + error);
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Risk_DemoSupplyChain_UnsignedProvenanceAndImagesWithout()
    {
        var result = _cli.Json("risk");

        Assert.Equal(5, result.GetProperty("checked").GetInt32());
        var images = Images(result);
        Assert.Equal(5, images.Count);
        Assert.Equal(["unverified-provenance"], images[ApiImage].Codes);
        Assert.Contains("unsigned", images[ApiImage].Details[0], StringComparison.Ordinal);
        Assert.All(images.Where(i => i.Key != ApiImage), i => Assert.Equal(["no-provenance"], i.Value.Codes));

        // What runs comes before what does not: the base image is last.
        Assert.Equal(BaseImage, result.GetProperty("images")[4].GetProperty("id").GetString());
        var api = result.GetProperty("images").EnumerateArray().Single(i => i.GetProperty("id").GetString() == ApiImage);
        Assert.Equal(["registry.example.com/shop/api:1.4.2"], api.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(2, api.GetProperty("deployments").GetInt32());
        Assert.Equal(["production", "staging"], api.GetProperty("environments").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Risk_MinScoreAboveTheSourcesScore_LowScorecardAndRankedFirst()
    {
        var result = _cli.Json("risk", "--min-score", "7");

        var first = result.GetProperty("images")[0];
        Assert.Equal(ApiImage, first.GetProperty("id").GetString());
        Assert.Equal(["unverified-provenance", "low-scorecard"], first.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        Assert.Contains("6.4 < 7.0 (commit)", first.GetProperty("signals")[1].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_Running_OnlyImagesADeploymentRuns()
    {
        var result = _cli.Json("risk", "--running");

        Assert.Equal(4, result.GetProperty("checked").GetInt32());
        Assert.DoesNotContain(BaseImage, Images(result).Keys);
        Assert.True(result.GetProperty("runningOnly").GetBoolean());
    }

    [Fact]
    public void Risk_Table_NamesEachImageAndItsRisk()
    {
        var (exit, output, _) = _cli.Run("risk");

        Assert.Equal(0, exit);
        Assert.Contains("5 of 5 image(s) carry supply-chain risk", output, StringComparison.Ordinal);
        Assert.Contains("registry.example.com/shop/web:3.1.0", output, StringComparison.Ordinal);
        Assert.Contains("unverified-provenance", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("high")]
    public void Risk_MinScoreOutOfRange_UsageError(string score)
    {
        var (exit, _, error) = _cli.Run("risk", "--min-score", score);

        Assert.Equal(2, exit);
        Assert.Contains("--min-score", error, StringComparison.Ordinal);
    }

    private static Dictionary<string, (List<string> Codes, List<string> Details)> Images(JsonElement result) =>
        result.GetProperty("images").EnumerateArray().ToDictionary(
            i => i.GetProperty("id").GetString()!,
            i => (i.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToList(),
                  i.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("detail").GetString()!).ToList()));
}
