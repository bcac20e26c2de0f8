namespace ArtifactGraph.Cli.Tests.Commands;

public sealed class IngestCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    private static int SampleFiles => Directory.GetFiles(CliRunner.Samples, "*", SearchOption.AllDirectories).Length;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Ingest_Samples_IngestsEveryDocumentAndExitsZero()
    {
        var (exit, output, _) = _cli.Run("ingest", CliRunner.Samples);

        Assert.Equal(0, exit);
        Assert.Contains("Documents ingested", output);
        var stats = _cli.Json("stats");
        Assert.Equal(SampleFiles, stats.GetProperty("documents").GetInt32());

        // Four images by digest (their SBOMs), four tag references from the staging manifests, and billing's
        // base image (by digest, from the OCI labels in its SPDX package annotations).
        Assert.Equal(9, stats.GetProperty("nodes").GetProperty("Image").GetInt32());
    }

    [Fact]
    public void Ingest_SameFilesTwice_SecondRunChangesNothingAndSaysSo()
    {
        _cli.Run("ingest", CliRunner.Samples);
        var before = _cli.Json("stats").ToString();

        var second = _cli.Json("ingest", CliRunner.Samples);

        Assert.Equal(SampleFiles, second.GetProperty("documents").GetProperty("unchanged").GetInt32());
        Assert.Equal(0, second.GetProperty("nodesAdded").GetInt32());
        Assert.Equal(before, _cli.Json("stats").ToString());
        var (_, table, _) = _cli.Run("ingest", CliRunner.Samples);
        Assert.Contains("already ingested", table);
    }

    [Fact]
    public void Ingest_BadFilesMixedWithGood_RejectsBadOnesIngestsRestExitsOne()
    {
        var good = Directory.GetFiles(Path.Combine(CliRunner.Samples, "sboms"))[0];
        var goodText = File.ReadAllText(good);
        var truncated = _cli.WriteFile("truncated.json", goodText[..(goodText.Length / 2)]);
        var notCdx = _cli.WriteFile("other.json", "{\"hello\": \"world\"}");
        var brokenRef = _cli.WriteFile("broken-ref.json", """
            {"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"bom-ref":"a","type":"library","name":"a","purl":"pkg:npm/a@1"}],
             "dependencies":[{"ref":"a","dependsOn":["nowhere"]}]}
            """);

        var result = _cli.Json("ingest", truncated, good, notCdx, brokenRef, Path.Combine(_cli.Dir, "missing.json"));
        var (exit, _, stderr) = _cli.Run("ingest", truncated);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(1, result.GetProperty("documents").GetProperty("ingested").GetInt32());
        Assert.Equal(4, result.GetProperty("documents").GetProperty("rejected").GetInt32());
        var rejected = result.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("outcome").GetString() == "rejected").ToList();
        Assert.All(rejected, f =>
        {
            Assert.False(string.IsNullOrEmpty(f.GetProperty("location").GetString()));
            Assert.False(string.IsNullOrEmpty(f.GetProperty("reason").GetString()));
        });
        var broken = rejected.Single(f => f.GetProperty("source").GetString()!.EndsWith("broken-ref.json", StringComparison.Ordinal));
        Assert.Contains("nowhere", broken.GetProperty("reason").GetString());
        Assert.Equal(1, _cli.Json("stats").GetProperty("documents").GetInt32());
    }

    [Fact]
    public void Ingest_NoArguments_IsUsageErrorExitTwo()
    {
        var (exit, _, stderr) = _cli.Run("ingest");

        Assert.Equal(2, exit);
        Assert.Contains("usage:", stderr);
    }
}
