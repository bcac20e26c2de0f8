namespace ArtifactGraph.Cli.Tests.Commands;

/// <summary>Two SBOMs of one image taken on different days: the newer answers now, the older answers --as-of.</summary>
public sealed class SupersessionCommandTests : IDisposable
{
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Sbom(string file, string timestamp, string package) => _cli.WriteFile(file, $$$"""
        {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
         "metadata":{"timestamp":"{{{timestamp}}}","component":{"type":"container","name":"registry.example.com/app:latest","version":"{{{Digest}}}"}},
         "components":[{"type":"library","name":"{{{package}}}","version":"1.0.0","purl":"pkg:npm/{{{package}}}@1.0.0"}]}
        """);

    private List<string> Images(params string[] args) => _cli.Json(["dependents", .. args]).GetProperty("results").EnumerateArray()
        .Where(r => r.GetProperty("kind").GetString() == "Image")
        .Select(r => r.GetProperty("id").GetString()!)
        .ToList();

    [Fact]
    public void Dependents_NewerSbomOfSameImage_ReplacesOlderButHistoryRemains()
    {
        var march = Sbom("march.json", "2026-03-01T10:00:00Z", "left-pad");
        var april = Sbom("april.json", "2026-04-01T10:00:00Z", "right-pad");
        _cli.Run("ingest", march);
        _cli.Run("ingest", april);

        Assert.Empty(Images("pkg:npm/left-pad"));
        Assert.Equal([Digest], Images("pkg:npm/right-pad"));
        Assert.Equal([Digest], Images("pkg:npm/left-pad", "--as-of", "2026-03-15"));
        Assert.Empty(Images("pkg:npm/right-pad", "--as-of", "2026-03-15"));
    }

    [Fact]
    public void Dependents_OlderSbomIngestedAfterNewer_DoesNotBecomeCurrent()
    {
        var march = Sbom("march.json", "2026-03-01T10:00:00Z", "left-pad");
        var april = Sbom("april.json", "2026-04-01T10:00:00Z", "right-pad");
        _cli.Run("ingest", april);
        _cli.Run("ingest", march);

        Assert.Empty(Images("pkg:npm/left-pad"));
        Assert.Equal([Digest], Images("pkg:npm/right-pad"));
    }

    [Fact]
    public void Why_SupersededAssertion_MarkedNotCurrent()
    {
        _cli.Run("ingest", Sbom("march.json", "2026-03-01T10:00:00Z", "left-pad"), Sbom("april.json", "2026-04-01T10:00:00Z", "right-pad"));

        var result = _cli.Json("why", Digest, "pkg:npm/left-pad", "--as-of", "2026-03-02");

        var document = Assert.Single(result.GetProperty("path")[1].GetProperty("documents").EnumerateArray());
        Assert.False(document.GetProperty("current").GetBoolean());
    }

    [Fact]
    public void Dependents_BadAsOf_UsageError()
    {
        Assert.Equal(2, _cli.Run("dependents", "pkg:npm/x", "--as-of", "last tuesday").Exit);
    }
}
