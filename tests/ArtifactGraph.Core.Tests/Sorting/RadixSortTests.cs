using ArtifactGraph.Core.Sorting;

namespace ArtifactGraph.Core.Tests.Sorting;

public sealed class RadixSortTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(10, 2)]
    [InlineData(65, 3)]
    [InlineData(5_000, 4)]
    [InlineData(30_000, 5)]
    public void Sort_DistinctKeys_SameOrderAsArraySort(int count, int seed)
    {
        var random = new Random(seed);
        var keys = new HashSet<ulong>();
        while (keys.Count < count)
        {
            // Ranking-shaped keys: a few values in the high bytes, small counts in the middle, unique low bits.
            keys.Add(((ulong)random.Next(3) << 52) | ((ulong)random.Next(2) << 51) | ((ulong)random.Next(64) << 31) | (uint)random.Next());
        }

        var sorted = keys.ToArray();
        var items = Enumerable.Range(0, sorted.Length).ToArray();
        var expectedKeys = (ulong[])sorted.Clone();
        var expectedItems = (int[])items.Clone();
        Array.Sort(expectedKeys, expectedItems);

        RadixSort.Sort(sorted, items);

        Assert.Equal(expectedKeys, sorted);
        Assert.Equal(expectedItems, items);
    }

    [Fact]
    public void Sort_EqualKeys_KeepsTheirOrder()
    {
        var keys = Enumerable.Range(0, 1_000).Select(i => (ulong)(i % 7) << 40).ToArray();
        var items = Enumerable.Range(0, keys.Length).ToArray();

        RadixSort.Sort(keys, items);

        Assert.Equal(Enumerable.Range(0, 1_000).OrderBy(i => i % 7).ThenBy(i => i), items);
    }

    [Fact]
    public void Sort_FullWidthKeys_Sorted()
    {
        var random = new Random(9);
        var keys = Enumerable.Range(0, 2_000).Select(_ => (ulong)random.NextInt64() * 2 + (ulong)random.Next(2)).Distinct().ToArray();
        var items = Enumerable.Range(0, keys.Length).ToArray();
        var expected = keys.Zip(items).OrderBy(p => p.First).Select(p => p.Second).ToArray();

        RadixSort.Sort(keys, items);

        Assert.Equal(expected, items);
        Assert.True(keys.Zip(keys.Skip(1)).All(p => p.First < p.Second));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(64, 2)]
    [InlineData(65, 3)]
    [InlineData(9_000, 4)]
    public void Sort_Longs_AsNumbersNegativeFirst(int count, int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count)
            .Select(i => i % 4 == 0 ? random.NextInt64(long.MinValue, long.MaxValue) : random.NextInt64(12_000_000))
            .ToArray();
        var expected = values.Order().ToArray();

        RadixSort.Sort(values.AsSpan());

        Assert.Equal(expected, values);
    }
}
