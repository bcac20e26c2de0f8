using ArtifactGraph.Core.Queries.BlastRadius;

namespace ArtifactGraph.Core.Tests.Queries.BlastRadius;

public sealed class RankedPlacesTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 64)]
    [InlineData(4, 65)]
    [InlineData(5, 1_000)]
    [InlineData(6, 30_000)]
    public void Of_RandomBitmap_EveryRankIsTheAscendingPlace(int seed, int count)
    {
        var random = new Random(seed);
        var bits = RandomBits(random, count, density: random.NextDouble());

        var ranked = RankedPlaces.Of(bits, count);

        var expected = Enumerable.Range(0, count).Where(p => IsSet(bits, p)).ToArray();
        Assert.Equal(expected, ranked.ToArray());
        Assert.Equal(expected, Enumerable.Range(0, ranked.Count).Select(r => ranked[r]));
    }

    [Theory]
    [InlineData(7, 0.5)]
    [InlineData(8, 0.02)]
    [InlineData(9, 0.98)]
    public void ByGroup_RandomGroups_EachGroupsFirstPlacesThenItsSecond(int seed, double density)
    {
        var random = new Random(seed);
        const int count = 5_000;
        var first = RandomBits(random, count, density);
        var second = RandomBits(random, count, density);
        for (var w = 0; w < first.Length; w++)
        {
            second[w] &= ~first[w];
        }

        // Groups of every size, empty ones and one-place ones included, some starting mid-word.
        var starts = new List<int> { 0 };
        while (starts[^1] < count)
        {
            starts.Add(Math.Min(count, starts[^1] + random.Next(0, 3) switch { 0 => 0, 1 => 1, _ => random.Next(2, 300) }));
        }

        var ranked = RankedPlaces.ByGroup(starts.ToArray(), first, second);

        var expected = new List<int>();
        for (var g = 0; g + 1 < starts.Count; g++)
        {
            expected.AddRange(Enumerable.Range(starts[g], starts[g + 1] - starts[g]).Where(p => IsSet(first, p)));
            expected.AddRange(Enumerable.Range(starts[g], starts[g + 1] - starts[g]).Where(p => IsSet(second, p)));
        }

        Assert.Equal(expected, ranked.ToArray());
        Assert.Equal(expected, Enumerable.Range(0, ranked.Count).Select(r => ranked[r]));
    }

    [Fact]
    public void Indexer_RankOutsideTheCount_Throws()
    {
        var ranked = RankedPlaces.Of([0b1011UL], 64);

        Assert.Equal(3, ranked.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => ranked[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ranked[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => RankedPlaces.Empty[0]);
    }

    private static ulong[] RandomBits(Random random, int count, double density)
    {
        var bits = new ulong[(count + 63) >> 6];
        for (var p = 0; p < count; p++)
        {
            if (random.NextDouble() < density)
            {
                bits[p >> 6] |= 1UL << p;
            }
        }

        return bits;
    }

    private static bool IsSet(ulong[] bits, int place) => (bits[place >> 6] & (1UL << place)) != 0;
}
