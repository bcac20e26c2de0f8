using ArtifactGraph.Storage.Sqlite.Writing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Writing;

public sealed class EdgeRowCacheTests
{
    private const long From = 42;

    [Fact]
    public void TryGet_EdgesSetInOneRun_FoundByKindAndTo()
    {
        var cache = new EdgeRowCache(1_000);
        var run = cache.RunOf(From);
        cache.Set(ref run, 1, 7, Row(100));
        cache.Set(ref run, 2, 7, Row(101));

        var again = cache.RunOf(From);

        Assert.True(cache.TryGet(again, 1, 7, out var first));
        Assert.True(cache.TryGet(again, 2, 7, out var second));
        Assert.False(cache.TryGet(again, 3, 7, out _));
        Assert.False(cache.TryGet(cache.RunOf(From + 1), 1, 7, out _));
        Assert.Equal((100L, 101L), (first.Id, second.Id));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Set_PastRunLength_KeepsTheRestInTheMap()
    {
        var cache = new EdgeRowCache(1_000);
        var run = cache.RunOf(From);
        var edges = EdgeRowCache.RunLength + 5;
        for (var to = 0; to < edges; to++)
        {
            cache.Set(ref run, 1, to, Row(1_000 + to));
        }

        var again = cache.RunOf(From);

        Assert.Equal(EdgeRowCache.RunLength, again.Count);
        Assert.All(Enumerable.Range(0, edges), to => Assert.True(cache.TryGet(again, 1, to, out var row) && row.Id == 1_000 + to));
        Assert.Equal(edges, cache.Count);
    }

    [Fact]
    public void Set_KnownEdge_ReplacesItsRow()
    {
        var cache = new EdgeRowCache(1_000);
        var run = cache.RunOf(From);
        cache.Set(ref run, 1, 7, new CachedRow(100, PropertyKeys.None, false));

        cache.Set(ref run, 1, 7, new CachedRow(100, PropertyKeys.Create(["scope"]), false));

        Assert.True(cache.TryGet(cache.RunOf(From), 1, 7, out var row));
        Assert.Equal(["scope"], row.Keys.Sorted);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Set_IdsPastTheRunsKey_KeptInTheMap()
    {
        var cache = new EdgeRowCache(1_000);
        var run = cache.RunOf(From);
        var far = 1L << 50;

        cache.Set(ref run, 1, far, Row(9));

        Assert.Null(cache.RunOf(From).Entries);
        Assert.True(cache.TryGet(cache.RunOf(From), 1, far, out var row));
        Assert.Equal(9L, row.Id);
    }

    [Fact]
    public void Set_KindZeroToZero_NotTakenForAnUnusedEntry()
    {
        // A run's unused entries are 0, which kind 0 to id 0 would also pack to: it is kept in the map instead.
        var cache = new EdgeRowCache(1_000);
        var run = cache.RunOf(From);

        cache.Set(ref run, 0, 0, Row(5));
        cache.Set(ref run, 1, 7, Row(6));

        var again = cache.RunOf(From);
        Assert.True(cache.TryGet(again, 0, 0, out var zero) && zero.Id == 5);
        Assert.True(cache.TryGet(again, 1, 7, out var other) && other.Id == 6);
        Assert.Equal(1, again.Count);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void RunOf_RunGrownAfterItWasFound_CacheSeesEveryEdge()
    {
        // Runs are filled in place: edges added through one lookup's run are found through the next lookup.
        var cache = new EdgeRowCache(1_000);
        var first = cache.RunOf(From);
        cache.Set(ref first, 1, 1, Row(1));
        var second = cache.RunOf(From);
        cache.Set(ref second, 1, 2, Row(2));
        cache.Set(ref second, 1, 3, Row(3));

        var third = cache.RunOf(From);

        Assert.Equal(3, third.Count);
        Assert.All(new[] { 1, 2, 3 }, to => Assert.True(cache.TryGet(third, 1, to, out var row) && row.Id == to));
    }

    [Fact]
    public void Clear_ForgetsEveryEdge()
    {
        var cache = new EdgeRowCache(1_000);
        var run = cache.RunOf(From);
        for (var to = 0; to < EdgeRowCache.RunLength + 1; to++)
        {
            cache.Set(ref run, 1, to, Row(to));
        }

        cache.Clear();

        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet(cache.RunOf(From), 1, 0, out _));
        Assert.False(cache.TryGet(cache.RunOf(From), 1, EdgeRowCache.RunLength, out _));
    }

    [Fact]
    public void Set_NoCapacity_CachesNothing()
    {
        var cache = new EdgeRowCache(0);
        var run = cache.RunOf(From);

        cache.Set(ref run, 1, 7, Row(1));

        Assert.False(cache.TryGet(cache.RunOf(From), 1, 7, out _));
        Assert.Equal(0, cache.Count);
    }

    private static CachedRow Row(long id) => new(id, PropertyKeys.None, false);
}
