using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Core.Tests.Storage;

public sealed class IdentityRowCacheTests
{
    [Fact]
    public void TryGet_AfterSet_ReturnsRow()
    {
        var cache = new IdentityRowCache<long>(10);
        cache.Set(Key(1), 1);

        Assert.True(cache.TryGet(Key(1), out var row));
        Assert.Equal(1, row);
    }

    [Fact]
    public void TryGet_PromotedFromOldGeneration_StaysAfterTheNextChange()
    {
        // Capacity 8: generations of 4. 1..4 fill the young one; 5 makes them the old one.
        var cache = new IdentityRowCache<long>(8);
        for (var i = 1; i <= 5; i++)
        {
            cache.StartDocument();
            cache.Set(Key(i), i);
        }

        Assert.True(cache.TryGet(Key(1), out _)); // copied into the young generation (5, 1)
        cache.Set(Key(1), 100);                   // updates the young copy; the old one is stale
        for (var i = 6; i <= 8; i++)
        {
            cache.StartDocument();
            cache.Set(Key(i), i);                 // young: 5, 1, 6, 7; then 8 drops 1..4's generation
        }

        Assert.True(cache.TryGet(Key(1), out var row));
        Assert.Equal(100, row);
        Assert.False(cache.TryGet(Key(2), out _));
        Assert.Equal(5, cache.Count);             // 5, 1, 6, 7 and 8, each once
    }

    [Fact]
    public void Set_ZeroCapacity_CachesNothing()
    {
        var cache = new IdentityRowCache<long>(0);
        cache.Set(Key(1), 1);

        Assert.False(cache.TryGet(Key(1), out _));
    }

    [Fact]
    public void Clear_AfterSets_ForgetsEverything()
    {
        var cache = new IdentityRowCache<long>(10);
        cache.Set(Key(1), 1);
        cache.Set(Key(2), 2);

        cache.Clear();

        Assert.False(cache.TryGet(Key(1), out _));
        Assert.Equal(0, cache.Count);
    }

    /// <summary>
    /// The same random operations on this cache and on <see cref="RowCache{TKey, TRow}"/>, which it replaces for
    /// identities: every answer, count and row alike, through generation changes and admission limits. Keys share
    /// their low bits in small groups, so probes run past each other.
    /// </summary>
    [Theory]
    [InlineData(1, 16)]
    [InlineData(2, 64)]
    [InlineData(3, 1_000)]
    [InlineData(4, 3)]
    public void Operations_Random_AnswerAsRowCacheDoes(int seed, int capacity)
    {
        var random = new Random(seed);
        var reference = new RowCache<UInt128, long>(capacity);
        var cache = new IdentityRowCache<long>(capacity);
        for (var step = 0; step < 20_000; step++)
        {
            var key = new UInt128((ulong)random.Next(4), 1 + (ulong)random.Next(capacity * 2));
            switch (random.Next(20))
            {
                case 0:
                    reference.StartDocument();
                    cache.StartDocument();
                    break;
                case 1 when step % 97 == 0:
                    reference.Clear();
                    cache.Clear();
                    break;
                case < 10:
                    var row = random.NextInt64();
                    reference.Set(key, row);
                    cache.Set(key, row);
                    break;
                default:
                    Assert.Equal(reference.TryGet(key, out var expected), cache.TryGet(key, out var actual));
                    Assert.Equal(expected, actual);
                    break;
            }

            if (step % 1_000 == 0)
            {
                Assert.Equal(reference.Count, cache.Count);
            }
        }
    }

    private static UInt128 Key(int i) => new((ulong)i, (ulong)i);
}
