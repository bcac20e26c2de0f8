using System.Text.Json;

namespace ArtifactGraph.Cli.Tests.Commands;

public sealed class ClosureCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public ClosureCommandTests() => Assert.Equal(0, _cli.Run("ingest", CliRunner.Samples).Exit);

    public void Dispose() => _cli.Dispose();

    private static List<string> Names(JsonElement result, string kind) => result.GetProperty("results").EnumerateArray()
        .Where(r => r.GetProperty("kind").GetString() == kind)
        .Select(r => r.GetProperty("name").GetString()!)
        .Order(StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void Dependents_VersionlessPurl_FindsEveryImageCarryingAnyVersion()
    {
        var result = _cli.Json("dependents", "pkg:npm/lodash");

        Assert.Equal(["registry.example.com/shop/api:1.4.2", "registry.example.com/shop/web:3.1.0"], Names(result, "Image"));
        Assert.Equal(2, result.GetProperty("target").GetProperty("matched").GetArrayLength());
    }

    [Fact]
    public void Dependents_TextLimit_ListsTheNearestHitsAndSaysHowManyMore()
    {
        var total = _cli.Json("dependents", "pkg:npm/ms@2.0.0").GetProperty("results").GetArrayLength();

        var (exit, limited, _) = _cli.Run("dependents", "pkg:npm/ms@2.0.0", "--limit", "2");
        var all = _cli.Run("dependents", "pkg:npm/ms@2.0.0", "--limit", "0").Out;

        Assert.Equal(0, exit);
        Assert.True(total > 2, $"the fixture needs more than 2 dependents, has {total}");
        Assert.Contains($"… and {total - 2} more dependents: --limit 0 lists every row", limited, StringComparison.Ordinal);
        Assert.Contains("pkg:npm/debug@2.6.9", limited, StringComparison.Ordinal);
        Assert.DoesNotContain("pkg:npm/shop-api@1.4.2", limited, StringComparison.Ordinal);
        Assert.Contains("pkg:npm/shop-api@1.4.2", all, StringComparison.Ordinal);
        Assert.DoesNotContain("more dependents", all, StringComparison.Ordinal);
        Assert.Equal(2, _cli.Run("deps", "pkg:npm/ms@2.0.0", "--limit", "-3").Exit);
    }

    [Fact]
    public void Dependents_VersionedPurl_FindsOnlyImagesWithThatVersion()
    {
        var result = _cli.Json("dependents", "pkg:npm/lodash@4.17.20");

        Assert.Equal(["registry.example.com/shop/api:1.4.2"], Names(result, "Image"));
    }

    [Fact]
    public void Dependents_TransitivePackage_PathWalksDependencyChainDownToTarget()
    {
        var result = _cli.Json("dependents", "pkg:npm/ms@2.0.0");

        var app = result.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "pkg:npm/shop-api@1.4.2");
        var path = app.GetProperty("path").EnumerateArray().ToList();
        Assert.Equal(3, app.GetProperty("depth").GetInt32());
        Assert.Equal(["pkg:npm/shop-api@1.4.2", "pkg:npm/express@4.18.2", "pkg:npm/debug@2.6.9", "pkg:npm/ms@2.0.0"], path.Select(p => p.GetProperty("id").GetString()));
        Assert.All(path.Skip(1), step =>
        {
            Assert.Equal("DEPENDS_ON", step.GetProperty("edge").GetString());
            Assert.Equal("forward", step.GetProperty("direction").GetString());
        });
    }

    [Fact]
    public void Dependents_PackageListedInImageSbom_ImageContainsItDirectly()
    {
        var result = _cli.Json("dependents", "pkg:npm/ms@2.0.0");

        var image = result.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "Image");
        var path = image.GetProperty("path").EnumerateArray().ToList();
        Assert.Equal(1, image.GetProperty("depth").GetInt32());
        Assert.Equal("CONTAINS", path[1].GetProperty("edge").GetString());
        Assert.Equal("pkg:npm/ms@2.0.0", path[1].GetProperty("id").GetString());
    }

    [Fact]
    public void Dependents_QualifiedDistroPackageWithoutQualifiers_MatchesBothAlpineImages()
    {
        var result = _cli.Json("dependents", "pkg:apk/alpine/musl@1.2.4-r2");

        Assert.Equal(2, Names(result, "Image").Count);
    }

    [Fact]
    public void Dependents_Digest_FindsPackageAndImage()
    {
        var sbom = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(CliRunner.Samples, "sboms", "shop-worker-2.0.0.cdx.json")));
        var hash = sbom.RootElement.GetProperty("components")[0].GetProperty("components")[0].GetProperty("hashes")[0].GetProperty("content").GetString();

        var result = _cli.Json("dependents", "SHA-256:" + hash);

        Assert.Equal(["registry.example.com/shop/worker:2.0.0"], Names(result, "Image"));
        Assert.Contains("pricing-rules.bin", Names(result, "PackageVersion"));
        Assert.Contains("shop-worker", Names(result, "PackageVersion"));
    }

    [Fact]
    public void Deps_Package_WithDepthBound_ListsOnlyNearDependencies()
    {
        var one = _cli.Json("deps", "pkg:npm/shop-api@1.4.2", "--depth", "1");
        var every = _cli.Json("deps", "pkg:npm/shop-api@1.4.2");

        Assert.Equal(["axios", "express", "lodash"], Names(one, "PackageVersion"));
        Assert.All(one.GetProperty("results").EnumerateArray(), r => Assert.Equal(1, r.GetProperty("depth").GetInt32()));
        Assert.Equal(["axios", "body-parser", "debug", "express", "follow-redirects", "lodash", "ms", "qs"], Names(every, "PackageVersion"));
    }

    [Fact]
    public void Dependents_UnknownPackage_EmptyResultExitZero()
    {
        var (exit, output, _) = _cli.Run("dependents", "pkg:npm/not-there");

        Assert.Equal(0, exit);
        Assert.Contains("Nothing in the graph matches", output);
    }

    [Theory]
    [InlineData("dependents")]
    [InlineData("dependents", "lodash")]
    [InlineData("deps", "pkg:npm/a", "--depth", "zero")]
    [InlineData("dependents", "pkg:npm/a", "--bogus")]
    public void Closure_BadArguments_UsageErrorExitTwo(params string[] args)
    {
        Assert.Equal(2, _cli.Run(args).Exit);
    }
}
