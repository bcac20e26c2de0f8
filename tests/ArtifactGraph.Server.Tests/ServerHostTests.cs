using ArtifactGraph.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArtifactGraph.Server.Tests;

/// <summary>The settings the README documents reach what they configure.</summary>
public sealed class ServerHostTests : IDisposable
{
    private readonly ServerFixture _server = new(new Dictionary<string, string?>(), seed: false);

    public void Dispose() => _server.Dispose();

    [Fact]
    public void StoreSection_ProvenanceMergeSteps_ReachTheStoreOptions()
    {
        using var server = _server.StartAnother(new() { ["Store:ProvenanceMergeIds"] = "1000", ["Store:ProvenanceMergeMaxIds"] = "2000", ["Store:ProvenanceCompactionPairs"] = "3000" });

        var options = server.Services.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;

        Assert.Equal(1_000, options.ProvenanceMergeIds);
        Assert.Equal(2_000, options.ProvenanceMergeMaxIds);
        Assert.Equal(3_000, options.ProvenanceCompactionPairs);
    }

    [Fact]
    public void StoreSection_Unset_StoreDefaults()
    {
        using var server = _server.StartAnother([]);

        var options = server.Services.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;

        Assert.Equal(500_000, options.ProvenanceMergeIds);
        Assert.Equal(4_000_000, options.ProvenanceMergeMaxIds);
    }
}
