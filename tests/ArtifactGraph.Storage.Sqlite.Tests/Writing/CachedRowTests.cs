using ArtifactGraph.Storage.Sqlite.Writing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Writing;

public sealed class CachedRowTests
{
    [Fact]
    public void CachedRow_PacksIdAndName_RoundTrips()
    {
        var row = new CachedRow(long.MaxValue >> 1, PropertyKeys.None, true);

        Assert.Equal(long.MaxValue >> 1, row.Id);
        Assert.True(row.HasName);
        Assert.False(new CachedRow(7, PropertyKeys.None, false).HasName);
    }
}
