namespace ArtifactGraph.Cli.Tests.Commands;

public sealed class WhyCommandTests : IDisposable
{
    private const string ApiImage = "sha256:d20141dbeaeb24ed0d7bbc855d6b7f7c4bfce46b85d8b851f36ad8a47db7b7d1";
    private readonly CliRunner _cli = new();

    public WhyCommandTests() => Assert.Equal(0, _cli.Run("ingest", CliRunner.Samples).Exit);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Why_PackageToTransitiveDependency_ShortestPathWithAssertingDocuments()
    {
        var result = _cli.Json("why", "pkg:npm/shop-api@1.4.2", "pkg:npm/ms");

        Assert.True(result.GetProperty("found").GetBoolean());
        Assert.False(result.GetProperty("reversed").GetBoolean());
        Assert.Equal(3, result.GetProperty("length").GetInt32());
        var steps = result.GetProperty("path").EnumerateArray().Skip(1).ToList();
        Assert.All(steps, step =>
        {
            var document = Assert.Single(step.GetProperty("documents").EnumerateArray());
            Assert.Equal("CycloneDX-JSON", document.GetProperty("format").GetString());
            Assert.Equal(64, document.GetProperty("sha256").GetString()!.Length);
            Assert.True(document.GetProperty("current").GetBoolean());
            Assert.True(document.TryGetProperty("ingestedAt", out _));
        });
    }

    [Fact]
    public void Why_EdgeAssertedByTwoSboms_ListsBoth()
    {
        // axios -> follow-redirects is in both the api and the web SBOM.
        var result = _cli.Json("why", "pkg:npm/axios@1.6.0", "pkg:npm/follow-redirects@1.15.3");

        var step = result.GetProperty("path")[1];
        Assert.Equal(2, step.GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public void Why_TargetUsesSource_FindsReversedPath()
    {
        var result = _cli.Json("why", "pkg:npm/ms@2.0.0", ApiImage);

        Assert.True(result.GetProperty("reversed").GetBoolean());
        Assert.Equal(ApiImage, result.GetProperty("path")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Why_Unconnected_NotFound()
    {
        var result = _cli.Json("why", "pkg:pypi/celery@5.3.4", "pkg:npm/ms@2.0.0");

        Assert.False(result.GetProperty("found").GetBoolean());
    }

    [Fact]
    public void Why_OneTarget_UsageErrorExitTwo()
    {
        Assert.Equal(2, _cli.Run("why", "pkg:npm/ms").Exit);
    }
}
