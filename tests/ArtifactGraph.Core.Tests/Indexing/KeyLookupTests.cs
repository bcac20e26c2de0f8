using System.Text;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Tests.Indexing;

public class KeyLookupTests
{
    private static readonly string[] UnicodeKeys =
    [
        "pkg:npm/%C3%A9t%C3%A9@1.0.0",
        "pkg:generic/été@1",
        "pkg:generic/日本語@2",
        "pkg:generic/emoji-😀@3",
        "pkg:generic/" + new string('ß', 400) + "@4", // longer than the stack buffer once encoded
        string.Empty,
    ];

    private static GraphIndex Build(IEnumerable<(NodeKind Kind, string Key, string? Name)> nodes)
    {
        var builder = new GraphIndexBuilder();
        foreach (var (kind, key, name) in nodes)
        {
            builder.AddNode(kind, key, name);
        }

        return builder.Build(1);
    }

    [Fact]
    public void TryFind_UnicodeKeys_RoundTripThroughTheUtf8Arena()
    {
        var index = Build(UnicodeKeys.Select(k => (NodeKind.PackageVersion, k, (string?)k)));

        foreach (var key in UnicodeKeys)
        {
            Assert.True(index.TryFind(NodeKind.PackageVersion, key, out var node), key);
            Assert.Equal(key, index.KeyOf(node));
            Assert.Equal(key, index.NameOf(node));
            Assert.True(Encoding.UTF8.GetBytes(key).AsSpan().SequenceEqual(index.Utf8KeyOf(node)));
        }

        Assert.False(index.TryFind(NodeKind.PackageVersion, "pkg:generic/ete@1", out _));
        Assert.False(index.TryFind(NodeKind.PackageVersion, "pkg:generic/日本@2", out _));
    }

    [Fact]
    public void TryFind_SameKeyUnderTwoKinds_AreTwoNodes()
    {
        var index = Build([(NodeKind.Artifact, "sha256:aa", null), (NodeKind.Image, "sha256:aa", "img")]);

        Assert.True(index.TryFind(NodeKind.Artifact, "sha256:aa", out var artifact));
        Assert.True(index.TryFind(NodeKind.Image, "sha256:aa", out var image));
        Assert.NotEqual(artifact, image);
        Assert.Null(index.NameOf(artifact));
        Assert.Equal("img", index.NameOf(image));
        Assert.False(index.TryFind(NodeKind.Package, "sha256:aa", out _));
    }

    [Fact]
    public void TryFind_EveryKeyCollides_ProbingStillFindsEachOne()
    {
        var keys = Enumerable.Range(0, 300).Select(i => $"pkg:npm/p{i}@1").ToList();
        var kinds = keys.Select(_ => NodeKind.PackageVersion).ToArray();
        var lookup = new KeyLookup(Utf8Arena.From(keys), kinds, (_, _) => 7);

        for (var i = 0; i < keys.Count; i++)
        {
            Assert.True(lookup.TryFind(NodeKind.PackageVersion, keys[i], out var node));
            Assert.Equal(i, node);
        }

        Assert.False(lookup.TryFind(NodeKind.PackageVersion, "pkg:npm/p300@1", out _));
        Assert.False(lookup.TryFind(NodeKind.Package, keys[0], out _));
    }

    [Fact]
    public void TryFind_ManyKeys_AllFoundWithTheRealHash()
    {
        var nodes = Enumerable.Range(0, 20_000).Select(i => (i % 2 == 0 ? NodeKind.PackageVersion : NodeKind.Artifact, $"k{i}", (string?)null)).ToList();
        var index = Build(nodes);

        for (var i = 0; i < nodes.Count; i++)
        {
            Assert.True(index.TryFind(nodes[i].Item1, nodes[i].Item2, out var node));
            Assert.Equal(i, node);
        }

        Assert.False(index.TryFind(NodeKind.PackageVersion, "k1", out _));
        Assert.Equal(10_000, index.CountOf(NodeKind.Artifact));
    }

    [Fact]
    public void Build_RepeatedNames_AreInterned()
    {
        var index = Build([(NodeKind.PackageVersion, "pkg:npm/a@1", "a"), (NodeKind.PackageVersion, "pkg:npm/a@2", "a"), (NodeKind.Package, "pkg:npm/a", "a")]);

        Assert.All(Enumerable.Range(0, 3), n => Assert.Equal("a", index.NameOf(n)));
        Assert.Equal([0, 1], index.NodesOfKind(NodeKind.PackageVersion));
    }
}
