using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Core.Tests.Storage;

public sealed class RowCacheTests
{
    private static long Row(long id) => id;

    [Fact]
    public void TryGet_AfterSet_ReturnsRow()
    {
        var cache = new RowCache<string, long>(10);
        cache.Set("a", Row(1));

        Assert.True(cache.TryGet("a", out var row));
        Assert.Equal(1, row);
    }

    [Fact]
    public void Set_BeyondCapacity_StaysBoundedAndDropsLeastRecentlyUsed()
    {
        var cache = new RowCache<int, long>(4);
        for (var i = 0; i < 4; i++)
        {
            cache.Set(i, Row(i));
        }

        // 0 is used again, so it survives the next generation change; 1 is not.
        Assert.True(cache.TryGet(0, out _));
        cache.StartDocument();
        for (var i = 10; i < 13; i++)
        {
            cache.Set(i, Row(i));
        }

        Assert.True(cache.Count <= 4);
        Assert.True(cache.TryGet(0, out _));
        Assert.False(cache.TryGet(1, out _));
    }

    [Fact]
    public void Set_DocumentBeyondItsAdmissions_KeepsEarlierEntriesAndUpdatesKnownOnes()
    {
        var cache = new RowCache<int, long>(100);
        cache.StartDocument();
        for (var i = 0; i < 40; i++)
        {
            cache.Set(i, Row(i));
        }

        // A quarter of the capacity per document: 25 admitted, the rest refused, known entries still updated.
        cache.Set(0, Row(1_000));
        Assert.Equal(25, cache.Count);
        Assert.True(cache.TryGet(0, out var updated));
        Assert.Equal(1_000, updated);
        Assert.False(cache.TryGet(30, out _));

        cache.StartDocument();
        cache.Set(30, Row(30));
        Assert.True(cache.TryGet(30, out _));
    }

    [Fact]
    public void TryGet_PromotesFromOldGeneration_WithoutUsingAdmissions()
    {
        // Capacity 16: generations of 8, four admissions per document.
        var cache = new RowCache<int, long>(16);
        for (var first = 0; first < 8; first += 4)
        {
            cache.StartDocument();
            for (var i = first; i < first + 4; i++)
            {
                cache.Set(i, Row(i));
            }
        }

        cache.StartDocument();
        cache.Set(8, Row(8)); // the young generation was full: 0..7 are now the old one
        Assert.True(cache.TryGet(0, out _)); // promoted back, not admitted
        for (var i = 9; i < 12; i++)
        {
            cache.Set(i, Row(i));
        }

        Assert.True(cache.TryGet(11, out _));
    }

    [Fact]
    public void Set_ZeroCapacity_CachesNothing()
    {
        var cache = new RowCache<string, long>(0);
        cache.Set("a", Row(1));

        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void Clear_AfterSets_ForgetsEverything()
    {
        var cache = new RowCache<string, long>(10);
        cache.Set("a", Row(1));
        cache.Set("b", Row(2));

        cache.Clear();

        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(0, cache.Count);
    }
}
