using ArtifactGraph.Storage.Sqlite.Writing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Writing;

public sealed class RowCacheTests
{
    private static CachedRow Row(long id) => new(id, PropertyKeys.None, false);

    [Fact]
    public void TryGet_AfterSet_ReturnsRow()
    {
        var cache = new RowCache<string>(10);
        cache.Set("a", Row(1));

        Assert.True(cache.TryGet("a", out var row));
        Assert.Equal(1, row.Id);
    }

    [Fact]
    public void Set_BeyondCapacity_StaysBoundedAndDropsLeastRecentlyUsed()
    {
        var cache = new RowCache<int>(4);
        for (var i = 0; i < 4; i++)
        {
            cache.Set(i, Row(i));
        }

        // 0 is used again, so it survives the next generation change; 1 is not.
        Assert.True(cache.TryGet(0, out _));
        for (var i = 10; i < 13; i++)
        {
            cache.Set(i, Row(i));
        }

        Assert.True(cache.Count <= 4);
        Assert.True(cache.TryGet(0, out _));
        Assert.False(cache.TryGet(1, out _));
    }

    [Fact]
    public void Set_ZeroCapacity_CachesNothing()
    {
        var cache = new RowCache<string>(0);
        cache.Set("a", Row(1));

        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void Clear_AfterSets_ForgetsEverything()
    {
        var cache = new RowCache<string>(10);
        cache.Set("a", Row(1));
        cache.Set("b", Row(2));

        cache.Clear();

        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(0, cache.Count);
    }
}
