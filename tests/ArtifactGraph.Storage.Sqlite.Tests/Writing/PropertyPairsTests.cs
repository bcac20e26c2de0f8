using System.Collections;
using System.Diagnostics.CodeAnalysis;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Storage.Sqlite.Writing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Writing;

/// <summary>Maps read by position (<see cref="IPropertyPairs"/>, as the batch builder's are) give the same answers as dictionaries.</summary>
public sealed class PropertyPairsTests
{
    private static readonly KeyValuePair<string, string>[] Sample = [new("scope", "runtime"), new("live:replicas", "3"), new("cdx:type", "library")];

    [Fact]
    public void Covers_PairsOrDictionary_SameAnswers()
    {
        var sets = new PropertyKeySets();
        var stored = sets.Of(new Dictionary<string, string> { ["cdx:type"] = "x", ["live:replicas"] = "1", ["scope"] = "y" });
        var partial = sets.Of(new Dictionary<string, string> { ["scope"] = "y" });

        Assert.True(stored.Covers(new Pairs(Sample)));
        Assert.False(partial.Covers(new Pairs(Sample)));
        Assert.True(partial.Covers(new Pairs(Sample[..1])));
        Assert.Same(stored, sets.Of(new Pairs(Sample)));
    }

    [Fact]
    public void WriteUtf8_PairsOrDictionary_SameJson()
    {
        using var json = new PropertyJson();
        var fromDictionary = json.WriteUtf8(new Dictionary<string, string>(Sample)).ToArray();

        Assert.Equal(fromDictionary, json.WriteUtf8(new Pairs(Sample)).ToArray());
        Assert.Equal("""{"cdx:type":"library","live:replicas":"3","scope":"runtime"}""", System.Text.Encoding.UTF8.GetString(fromDictionary));
    }

    [Fact]
    public void WriteLive_Pairs_OnlyLiveKeysOrNull()
    {
        using var json = new PropertyJson();

        Assert.Equal("""{"live:replicas":"3"}""", json.WriteLive(new Pairs(Sample)));
        Assert.Null(json.WriteLive(new Pairs([Sample[0], Sample[2]])));
    }

    /// <summary>A map readable by position whose enumerator may not be used (the writer must not need it).</summary>
    private sealed class Pairs(KeyValuePair<string, string>[] pairs) : IReadOnlyDictionary<string, string>, IPropertyPairs
    {
        public int Count => pairs.Length;

        public IEnumerable<string> Keys => pairs.Select(p => p.Key);

        public IEnumerable<string> Values => pairs.Select(p => p.Value);

        public string this[string key] => pairs.First(p => p.Key == key).Value;

        public KeyValuePair<string, string> PairAt(int index) => pairs[index];

        public bool ContainsKey(string key) => pairs.Any(p => p.Key == key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
        {
            value = pairs.FirstOrDefault(p => p.Key == key).Value;
            return value is not null;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => throw new InvalidOperationException("enumerated");

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
