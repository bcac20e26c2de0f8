using System.Text.Json;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Cli.Tests.Commands;

/// <summary>
/// blast-radius end to end: the real GHSA advisories for log4j-core (CVE-2021-44228, CVE-2021-45046) from
/// the corpus, against fixture images carrying an affected and a fixed log4j-core, and an OpenVEX statement.
/// </summary>
public sealed class BlastRadiusCommandTests : IDisposable
{
    private const string Orders = "sha256:c85240eb901336ce2bd19edb6a946c388220480d6b07dae3438f6dfc36795f26";
    private const string Payments = "sha256:3dc34fba73f64aa82671703212c84f55d07ef1828a9fa0961c0684be558b0e12";
    private const string Reports = "sha256:be400382c79d2759e9a13827851faad6f792c80b1b65ed6eba19f184c368c80c";
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "BlastRadius");
    private readonly CliRunner _cli = new();

    public BlastRadiusCommandTests()
    {
        var sboms = Directory.GetFiles(Fixtures, "*.cdx.json");
        Assert.Equal(0, _cli.Run(["ingest", .. sboms, Path.Combine(Corpus.Root, "osv", "GHSA-jfh8-c2jp-5v3q.json"), Path.Combine(Corpus.Root, "osv", "GHSA-7rjr-3q55-vv33.json")]).Exit);
    }

    public void Dispose() => _cli.Dispose();

    private static List<string> Ids(JsonElement result, string section) =>
        result.GetProperty(section).EnumerateArray().Select(e => e.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void BlastRadius_Log4Shell_AffectedImagesOnlyNeverTheFixedOne()
    {
        var result = _cli.Json("blast-radius", "--vuln", "CVE-2021-44228");

        Assert.Equal([Reports, Orders], Ids(result, "images"));
        Assert.DoesNotContain(Payments, Ids(result, "images"));
        var affected = Assert.Single(result.GetProperty("affectedPackages").EnumerateArray());
        Assert.Equal("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", affected.GetProperty("id").GetString());
        Assert.Equal("2.15.0", affected.GetProperty("matches")[0].GetProperty("fixedVersion").GetString());
        Assert.Equal(2, result.GetProperty("counts").GetProperty("images").GetInt32());
    }

    [Fact]
    public void BlastRadius_ByCveAndByGhsa_SameAnswer()
    {
        var byCve = _cli.Json("blast-radius", "--vuln", "CVE-2021-44228");
        var byGhsa = _cli.Json("blast-radius", "--vuln", "GHSA-jfh8-c2jp-5v3q");

        Assert.Equal(Ids(byCve, "images"), Ids(byGhsa, "images"));
        Assert.Equal(Ids(byCve, "packages"), Ids(byGhsa, "packages"));
        Assert.Equal("CVE-2021-44228", byGhsa.GetProperty("vulnerability").GetProperty("id").GetString());
        Assert.Contains("GHSA-JFH8-C2JP-5V3Q", byCve.GetProperty("vulnerability").GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void BlastRadius_Paths_EndAtTheAdvisoryWithDocuments()
    {
        var result = _cli.Json("blast-radius", "--vuln", "CVE-2021-44228");

        var orders = result.GetProperty("images").EnumerateArray().Single(i => i.GetProperty("id").GetString() == Orders);
        var path = orders.GetProperty("path").EnumerateArray().ToList();
        // The SBOM lists every component as contained by the image: the shortest path is the direct one.
        Assert.Equal(
            [Orders, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "GHSA-JFH8-C2JP-5V3Q"],
            path.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(["CONTAINS", "AFFECTS"], path.Skip(1).Select(s => s.GetProperty("edge").GetString()));
        var application = result.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "pkg:maven/com.example/orders@1.0.0");
        Assert.Equal(["DEPENDS_ON", "AFFECTS"], application.GetProperty("path").EnumerateArray().Skip(1).Select(s => s.GetProperty("edge").GetString()));
        Assert.All(path.Skip(1), s => Assert.NotEmpty(s.GetProperty("documents").EnumerateArray()));
        Assert.Equal("OSV-JSON", path[^1].GetProperty("documents")[0].GetProperty("format").GetString());
        Assert.Contains("[2.13.0, 2.15.0)", path[^1].GetProperty("explanation").GetString());
    }

    [Fact]
    public void BlastRadius_SecondAdvisory_FixedIn2_16StillSparesThe2_17Image()
    {
        var result = _cli.Json("blast-radius", "--vuln", "CVE-2021-45046");

        Assert.Equal([Reports, Orders], Ids(result, "images"));
    }

    [Fact]
    public void BlastRadius_VexNotAffectedOnImage_SuppressesItUnlessIgnored()
    {
        Assert.Equal(0, _cli.Run("ingest", Path.Combine(Fixtures, "reports-not-affected.openvex.json")).Exit);

        var result = _cli.Json("blast-radius", "--vuln", "GHSA-jfh8-c2jp-5v3q");
        var raw = _cli.Json("blast-radius", "--vuln", "GHSA-jfh8-c2jp-5v3q", "--ignore-vex");

        Assert.Equal([Orders], Ids(result, "images"));
        var suppressed = result.GetProperty("suppressed").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.True(suppressed[Reports].GetProperty("direct").GetBoolean());
        Assert.Equal(Reports, suppressed[Reports].GetProperty("product").GetString());
        Assert.Equal("vulnerable_code_not_in_execute_path", suppressed[Reports].GetProperty("justification").GetString());
        Assert.Equal("OpenVEX-JSON", suppressed[Reports].GetProperty("document").GetProperty("format").GetString());
        Assert.Equal([Reports, Orders], Ids(raw, "images"));
        Assert.False(raw.GetProperty("vexApplied").GetBoolean());
    }

    [Fact]
    public void BlastRadius_PurlWithVersRange_OnlyVersionsInRange()
    {
        var result = _cli.Json("blast-radius", "--purl", "pkg:maven/org.apache.logging.log4j/log4j-core", "--range", "vers:maven/>=2.0|<2.17.0");

        Assert.Equal([Reports, Orders], Ids(result, "images"));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("vulnerability").ValueKind);
    }

    [Fact]
    public void BlastRadius_Table_NamesDocumentsAndFix()
    {
        var (exit, output, _) = _cli.Run("blast-radius", "--vuln", "CVE-2021-44228");

        Assert.Equal(0, exit);
        Assert.Contains("CVE-2021-44228", output, StringComparison.Ordinal);
        Assert.Contains("2.15.0", output, StringComparison.Ordinal);
        Assert.Contains("OSV-JSON \"GHSA-jfh8-c2jp-5v3q\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void BlastRadius_TextLimit_ListsThatManyRowsAndSaysHowManyMore()
    {
        var (exit, limited, _) = _cli.Run("blast-radius", "--vuln", "CVE-2021-44228", "--limit", "1");
        var all = _cli.Run("blast-radius", "--vuln", "CVE-2021-44228", "--limit", "0").Out;
        var byDefault = _cli.Run("blast-radius", "--vuln", "CVE-2021-44228").Out;

        Assert.Equal(0, exit);
        Assert.Contains("… and 1 more image(s): --limit 0 lists every row", limited, StringComparison.Ordinal);
        Assert.Single(new[] { Orders, Reports }, image => limited.Contains(image, StringComparison.Ordinal));
        Assert.All(new[] { Orders, Reports }, image => Assert.Contains(image, all, StringComparison.Ordinal));
        Assert.DoesNotContain("more image(s)", all, StringComparison.Ordinal);
        Assert.Equal(all, byDefault);
    }

    [Fact]
    public void BlastRadius_LimitWithJson_StillListsEverything()
    {
        var result = _cli.Json("blast-radius", "--vuln", "CVE-2021-44228", "--limit", "1");

        Assert.Equal([Reports, Orders], Ids(result, "images"));
    }

    [Fact]
    public void BlastRadius_NegativeLimit_IsUsageError()
    {
        Assert.Equal(2, _cli.Run("blast-radius", "--vuln", "CVE-2021-44228", "--limit", "-1").Exit);
    }

    [Fact]
    public void BlastRadius_NoTarget_IsUsageError()
    {
        Assert.Equal(2, _cli.Run("blast-radius").Exit);
        Assert.Equal(2, _cli.Run("blast-radius", "--vuln", "CVE-2021-44228", "--purl", "pkg:npm/x").Exit);
    }
}
