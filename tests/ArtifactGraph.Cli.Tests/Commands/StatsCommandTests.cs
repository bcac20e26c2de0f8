namespace ArtifactGraph.Cli.Tests.Commands;

public sealed class StatsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Stats_EmptyStore_ZeroDocumentsEmptyMaps()
    {
        var stats = _cli.Json("stats");

        Assert.Equal(0, stats.GetProperty("documents").GetInt32());
        Assert.Empty(stats.GetProperty("nodes").EnumerateObject());
        Assert.Empty(stats.GetProperty("edges").EnumerateObject());
    }

    [Fact]
    public void Stats_AfterSamples_CountsEdgeKindsByWireName()
    {
        _cli.Run("ingest", CliRunner.Samples);

        var edges = _cli.Json("stats").GetProperty("edges");

        Assert.True(edges.GetProperty("DEPENDS_ON").GetInt32() > 0);
        Assert.True(edges.GetProperty("CONTAINS").GetInt32() > 0);
        Assert.True(edges.GetProperty("DESCRIBES").GetInt32() >= Directory.GetFiles(CliRunner.Samples, "*", SearchOption.AllDirectories).Length);
        Assert.True(edges.GetProperty("RUNS").GetInt32() > 0);
        Assert.True(edges.GetProperty("ALIAS_OF").GetInt32() > 0);
    }
}
