namespace ArtifactGraph.Storage.Sqlite.Tests;

public sealed class SqliteStoreOptionsTests
{
    [Fact]
    public void Validate_Defaults_Passes()
    {
        var options = new SqliteStoreOptions();

        options.Validate();

        Assert.Equal("artifactgraph.db", options.Path);
        Assert.True(options.BusyTimeoutMs > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(":memory:")]
    public void Validate_UnusablePath_Throws(string path)
    {
        Assert.Throws<ArgumentException>(() => new SqliteStoreOptions { Path = path }.Validate());
    }

    [Fact]
    public void Validate_NegativeBusyTimeout_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteStoreOptions { BusyTimeoutMs = -1 }.Validate());
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    public void Validate_NegativeCacheCapacity_Throws(int nodes, int edges)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteStoreOptions { NodeCacheCapacity = nodes, EdgeCacheCapacity = edges }.Validate());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_NoCompactionPairs_Throws(long pairs)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteStoreOptions { ProvenanceCompactionPairs = pairs }.Validate());
    }

    [Theory]
    [InlineData(-1, 0, nameof(SqliteStoreOptions.NodeMergeRows))]
    [InlineData(0, -1, nameof(SqliteStoreOptions.NodeMergeIdleMs))]
    public void Validate_NegativeNodeMergeStep_ThrowsNamingIt(int rows, int idleMs, string named)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteStoreOptions { NodeMergeRows = rows, NodeMergeIdleMs = idleMs }.Validate());

        Assert.Equal(named, error.ParamName);
    }
}
