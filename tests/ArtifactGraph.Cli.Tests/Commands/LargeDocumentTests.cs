using System.Text;

namespace ArtifactGraph.Cli.Tests.Commands;

/// <summary>
/// Documents large enough to be written in chunks (over the builder's spill threshold) behave like
/// small ones: all of it is stored, or — when it is rejected late — none of it.
/// </summary>
public sealed class LargeDocumentTests : IDisposable
{
    private const int Components = 30_000;
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Sbom(string name, string danglingRef)
    {
        var json = new StringBuilder("""{"bomFormat":"CycloneDX","specVersion":"1.5","metadata":{"component":{"bom-ref":"root","type":"application","name":"big","version":"1"}},"components":[""");
        for (var i = 0; i < Components; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append($$"""{"bom-ref":"c{{i}}","type":"library","name":"p{{i}}","version":"1.0.0","purl":"pkg:npm/p{{i}}@1.0.0"}""");
        }

        json.Append("""],"dependencies":[{"ref":"root","dependsOn":["c0"]}""");
        for (var i = 1; i < Components; i++)
        {
            json.Append($$""",{"ref":"c{{i}}","dependsOn":["c0"]}""");
        }

        // The last entry decides acceptance: by then every component has gone to the store in chunks.
        json.Append($$""",{"ref":"c0","dependsOn":["{{danglingRef}}"]}]}""");
        return _cli.WriteFile(name, json.ToString());
    }

    [Fact]
    public void Ingest_DocumentWrittenInChunks_AllOfItIsQueryable()
    {
        var result = _cli.Json("ingest", Sbom("big.json", "c1"));

        Assert.Equal(1, result.GetProperty("documents").GetProperty("ingested").GetInt32());
        var file = result.GetProperty("files")[0];
        Assert.Equal(Components + 1, file.GetProperty("components").GetInt32());
        var dependents = _cli.Json("dependents", "pkg:npm/p0@1.0.0");
        // Every other component depends on p0, and so does the subject.
        Assert.Equal(Components, dependents.GetProperty("results").EnumerateArray().Count(r => r.GetProperty("kind").GetString() == "PackageVersion"));
    }

    [Fact]
    public void Ingest_LargeDocumentRejectedAfterChunksWereWritten_CommitsNothing()
    {
        var (exit, _, _) = _cli.Run("ingest", Sbom("big-broken.json", "nowhere"));

        Assert.Equal(1, exit);
        var stats = _cli.Json("stats");
        Assert.Equal(0, stats.GetProperty("documents").GetInt32());
        Assert.Empty(stats.GetProperty("nodes").EnumerateObject());
    }
}
