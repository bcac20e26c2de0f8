using ArtifactGraph.Core.Graph;
using ArtifactGraph.Storage.Sqlite.Writing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Writing;

public sealed class NodeIdMemoTests
{
    private readonly NodeIdMemo _memo = new();

    [Fact]
    public void TryGet_SameKeyString_ReturnsItsId()
    {
        var node = new NodeRef(NodeKind.PackageVersion, "pkg:npm/left-pad@1.3.0");
        _memo.Set(node, 42);

        Assert.True(_memo.TryGet(node, out var id));
        Assert.Equal(42, id);
    }

    [Fact]
    public void TryGet_EqualTextInAnotherString_Misses()
    {
        // Equal text is the same node, but the memo only answers by identity; the writer then hashes the key.
        var key = "pkg:npm/left-pad@1.3.0";
        _memo.Set(new NodeRef(NodeKind.PackageVersion, key), 42);

        Assert.False(_memo.TryGet(new NodeRef(NodeKind.PackageVersion, new string(key.AsSpan())), out _));
    }

    [Fact]
    public void TryGet_SameStringOtherKind_Misses()
    {
        // A versionless purl is both a Package and a PackageVersion key: two rows, two ids.
        var key = "pkg:npm/left-pad";
        _memo.Set(new NodeRef(NodeKind.Package, key), 7);

        Assert.False(_memo.TryGet(new NodeRef(NodeKind.PackageVersion, key), out _));
        Assert.True(_memo.TryGet(new NodeRef(NodeKind.Package, key), out var id));
        Assert.Equal(7, id);
    }

    [Fact]
    public void TryGet_AfterClear_Misses()
    {
        var node = new NodeRef(NodeKind.Package, "pkg:npm/left-pad");
        _memo.Set(node, 7);

        _memo.Clear();

        Assert.False(_memo.TryGet(node, out _));
    }

    [Fact]
    public void TryGet_AfterTheCollectorMovedTheStrings_NeverAnotherId()
    {
        // Slots are chosen by address: a compacting collection moves the strings, so lookups may miss, but a hit is
        // still the right id, and a string remembered again after the move is found.
        var nodes = Enumerable.Range(0, 4_000).Select(i => new NodeRef(NodeKind.PackageVersion, $"pkg:npm/p{i}@1")).ToList();
        var garbage = Enumerable.Range(0, 4_000).Select(i => new string('x', i % 64)).ToList();
        for (var i = 0; i < nodes.Count; i++)
        {
            _memo.Set(nodes[i], i);
        }

        garbage.Clear();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

        for (var i = 0; i < nodes.Count; i++)
        {
            if (_memo.TryGet(nodes[i], out var id))
            {
                Assert.Equal(i, id);
            }

            _memo.Set(nodes[i], i);
            Assert.True(_memo.TryGet(nodes[i], out var again));
            Assert.Equal(i, again);
        }
    }

    [Fact]
    public void TryGet_ManyKeys_EveryHitIsTheRightId()
    {
        // More keys than slots: collisions overwrite, so some miss, but no hit may name another node's id.
        var nodes = Enumerable.Range(0, 10_000).Select(i => new NodeRef(NodeKind.PackageVersion, $"pkg:npm/p{i}@1")).ToList();
        for (var i = 0; i < nodes.Count; i++)
        {
            _memo.Set(nodes[i], i);
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            if (_memo.TryGet(nodes[i], out var id))
            {
                Assert.Equal(i, id);
            }
        }
    }
}
