using System.Text.Json;

namespace ArtifactGraph.Cli.Tests;

/// <summary>
/// The demo supply chain in ingest/samples end to end: every document ingests, and the README's blast radius
/// is exactly the ranked answer documented there.
/// </summary>
public sealed class DemoSupplyChainTests : IDisposable
{
    private const string ApiImage = "sha256:d20141dbeaeb24ed0d7bbc855d6b7f7c4bfce46b85d8b851f36ad8a47db7b7d1";
    private const string WebImage = "sha256:002b16d3d89ed8f7512039d33f7fb4da144d9ed096a76ba04b9a4e5cff8347c1";
    private const string BillingImage = "sha256:8ee6efc8954d7b21eb021ac7b8010b73f71217be359eeb0077f19771b9c264cb";
    private readonly CliRunner _cli = new();

    public DemoSupplyChainTests()
    {
        var (exit, output, error) = _cli.Run("ingest", CliRunner.Samples);
        Assert.True(exit == 0, output + error);
    }

    public void Dispose() => _cli.Dispose();

    private static List<string> Ids(JsonElement result, string section) =>
        result.GetProperty(section).EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();

    [Fact]
    public void BlastRadius_FollowRedirects_RankedDeploymentsAndVexSuppression()
    {
        var result = _cli.Json("blast-radius", "--vuln", "CVE-2024-28849");

        Assert.Equal(["production/prod-eu-1/shop/deployment/api", "staging/staging-eu-1/shop/deployment/api"], Ids(result, "deployments"));
        var first = result.GetProperty("deployments")[0];
        Assert.Equal("production", first.GetProperty("environment").GetString());
        Assert.Equal("internet", first.GetProperty("exposure").GetString());
        Assert.Equal(3, first.GetProperty("replicas").GetInt32());
        Assert.Equal(ApiImage, first.GetProperty("image").GetString());
        Assert.Equal("pkg:npm/follow-redirects@1.15.3", first.GetProperty("package").GetString());
        Assert.Equal("1.15.6", first.GetProperty("fixedVersion").GetString());
        Assert.Equal([ApiImage], Ids(result, "images"));
        Assert.Equal(
            ["production/prod-eu-1/shop/deployment/web", WebImage, "staging/staging-eu-1/shop/deployment/web"],
            Ids(result, "suppressed").Order(StringComparer.Ordinal));
        Assert.Equal(2, result.GetProperty("counts").GetProperty("deployments").GetInt32());
    }

    [Fact]
    public void BlastRadius_StagingRunsByTag_PathResolvesTheTagToTheSbomDigest()
    {
        var result = _cli.Json("blast-radius", "--vuln", "GHSA-cxjh-pqwp-8mfp");

        var staging = result.GetProperty("deployments")[1];
        var edges = staging.GetProperty("path").EnumerateArray().Skip(1).Select(s => s.GetProperty("edge").GetString()).ToList();
        Assert.Equal(["RUNS", "RESOLVES_TO", "CONTAINS", "AFFECTS"], edges);
    }

    [Fact]
    public void BlastRadius_Log4Shell_BillingInProductionThenStaging()
    {
        var result = _cli.Json("blast-radius", "--vuln", "CVE-2021-44228");

        Assert.Equal(["production/prod-eu-1/shop/deployment/billing", "staging/staging-eu-1/shop/deployment/billing"], Ids(result, "deployments"));
        Assert.Equal([BillingImage], Ids(result, "images"));
        Assert.Equal("2.15.0", result.GetProperty("deployments")[0].GetProperty("fixedVersion").GetString());
    }

    [Fact]
    public void Image_Web_VulnerabilitySuppressedByVexAndRunsInBothEnvironments()
    {
        var report = _cli.Json("image", "registry.example.com/shop/web:3.1.0")[0];

        Assert.Equal(WebImage, report.GetProperty("image").GetProperty("id").GetString());
        var vulnerability = Assert.Single(report.GetProperty("vulnerabilities").EnumerateArray());
        Assert.Equal("CVE-2024-28849", vulnerability.GetProperty("id").GetString());
        Assert.Equal("not_affected", vulnerability.GetProperty("suppressedBy").GetProperty("status").GetString());
        Assert.Equal(
            ["production", "staging"],
            report.GetProperty("deployments").EnumerateArray().Select(d => d.GetProperty("environment").GetString()).Order(StringComparer.Ordinal));
    }
}
