using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Core.Tests.Ingestion;

public sealed class PropertyBagTests
{
    [Fact]
    public void PairAt_AddedPairs_InInsertionOrderFirstValueWins()
    {
        var bag = new PropertyBag(1);
        bag.TryAdd("b", "1");
        bag.TryAdd("a", "2");
        bag.TryAdd("b", "3");

        Assert.Equal(2, ((IPropertyPairs)bag).Count);
        Assert.Equal(new KeyValuePair<string, string>("b", "1"), bag.PairAt(0));
        Assert.Equal(new KeyValuePair<string, string>("a", "2"), bag.PairAt(1));
        Assert.Equal(bag.ToList(), Enumerable.Range(0, bag.Count).Select(bag.PairAt));
    }

    [Fact]
    public void Share_ThenAdd_ThrowsAndItsCopyTakesTheAddition()
    {
        var shared = PropertyBag.Share([new("a", "1"), new("b", "2"), new("a", "3")]);

        Assert.True(shared.IsShared);
        Assert.Throws<InvalidOperationException>(() => shared.TryAdd("c", "4"));
        var copy = shared.Copy(1);
        copy.TryAdd("c", "4");
        Assert.False(copy.IsShared);
        Assert.Equal([new("a", "1"), new("b", "2"), new("c", "4")], copy.ToList());
        Assert.Equal([new("a", "1"), new("b", "2")], shared.ToList());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void PairAt_OutsideTheBag_Throws(int index)
    {
        var bag = new PropertyBag(4);
        bag.TryAdd("a", "1");

        Assert.Throws<ArgumentOutOfRangeException>(() => bag.PairAt(index));
    }

    [Fact]
    public void PairAt_ManyPairsIndexed_StillInInsertionOrder()
    {
        var bag = new PropertyBag(2);
        for (var i = 40; i > 0; i--)
        {
            bag.TryAdd($"k{i}", $"v{i}");
        }

        Assert.Equal("k40", bag.PairAt(0).Key);
        Assert.Equal("v1", bag.PairAt(39).Value);
    }
}
