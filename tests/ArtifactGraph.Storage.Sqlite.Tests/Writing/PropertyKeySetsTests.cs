using ArtifactGraph.Storage.Sqlite.Writing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Writing;

public sealed class PropertyKeySetsTests
{
    private readonly PropertyKeySets _sets = new();

    [Fact]
    public void Of_SameKeysInAnyOrder_SharesOneSortedSet()
    {
        var first = _sets.Of(new Dictionary<string, string> { ["b"] = "1", ["a"] = "2" });
        var second = _sets.Of(new Dictionary<string, string> { ["a"] = "x", ["b"] = "y" });

        Assert.Same(first, second);
        Assert.Equal(["a", "b"], first.Sorted);
    }

    [Fact]
    public void Covers_SubsetAndNewKey_TellsWhetherAMergeWouldChangeAnything()
    {
        var keys = _sets.Of(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });

        Assert.True(keys.Covers(new Dictionary<string, string>()));
        Assert.True(keys.Covers(new Dictionary<string, string> { ["b"] = "other value" }));
        Assert.False(keys.Covers(new Dictionary<string, string> { ["c"] = "3" }));
        Assert.False(PropertyKeys.None.Covers(new Dictionary<string, string> { ["a"] = "1" }));
    }

    [Fact]
    public void Union_NewKeys_AddsThemSorted()
    {
        var stored = _sets.Of(new Dictionary<string, string> { ["m"] = "1" });

        var merged = _sets.Union(stored, new Dictionary<string, string> { ["z"] = "1", ["a"] = "2", ["m"] = "3" });

        Assert.Equal(["a", "m", "z"], merged.Sorted);
        Assert.Same(stored, _sets.Union(stored, new Dictionary<string, string> { ["m"] = "9" }));
    }

    [Theory]
    [InlineData("{}", "")]
    [InlineData("""{"scope":"runtime"}""", "scope")]
    [InlineData("""{"b":"1","a":{"nested":["x"]},"c":"3"}""", "a,b,c")]
    public void OfJson_StoredColumn_ReturnsTopLevelKeys(string json, string expected)
    {
        Assert.Equal(expected, string.Join(',', _sets.OfJson(json).Sorted));
    }
}
