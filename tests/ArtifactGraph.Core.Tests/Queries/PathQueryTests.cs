using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Core.Tests.Queries;

public class PathQueryTests
{
    private static readonly ArtifactGraph.Core.Indexing.GraphIndex Index = new TestGraph()
        .Version("pkg:npm/a@1", "pkg:npm/a")
        .Version("pkg:npm/b@1", "pkg:npm/b")
        .Version("pkg:npm/c@1", "pkg:npm/c")
        .Version("pkg:npm/other@1", "pkg:npm/other")
        .Edge(NodeKind.PackageVersion, "pkg:npm/a@1", EdgeKind.DependsOn, NodeKind.PackageVersion, "pkg:npm/b@1")
        .Edge(NodeKind.PackageVersion, "pkg:npm/b@1", EdgeKind.DependsOn, NodeKind.PackageVersion, "pkg:npm/c@1")
        .Edge(NodeKind.PackageVersion, "pkg:npm/a@1", EdgeKind.DependsOn, NodeKind.PackageVersion, "pkg:npm/c@1")
        .Build();

    private static int Id(string key) => Index.TryFind(NodeKind.PackageVersion, key, out var id) ? id : -1;

    [Fact]
    public void Find_TwoRoutes_ReturnsShortest()
    {
        var result = PathQuery.Find(Index, [Id("pkg:npm/a@1")], [Id("pkg:npm/c@1")]);

        Assert.False(result.Reversed);
        Assert.Equal(["pkg:npm/a@1", "pkg:npm/c@1"], result.Path!.Select(s => Index.KeyOf(s.Node)));
    }

    [Fact]
    public void Find_OnlyReverseRoute_ReturnsItMarkedReversed()
    {
        var result = PathQuery.Find(Index, [Id("pkg:npm/c@1")], [Id("pkg:npm/b@1")]);

        Assert.True(result.Reversed);
        Assert.Equal(["pkg:npm/b@1", "pkg:npm/c@1"], result.Path!.Select(s => Index.KeyOf(s.Node)));
    }

    [Fact]
    public void Find_SharedNamespaceButNoEdge_NoPath()
    {
        var result = PathQuery.Find(Index, [Id("pkg:npm/other@1")], [Id("pkg:npm/c@1")]);

        Assert.Null(result.Path);
    }

    [Fact]
    public void Find_SameNode_ZeroLengthPath()
    {
        var result = PathQuery.Find(Index, [Id("pkg:npm/b@1")], [Id("pkg:npm/b@1")]);

        Assert.Single(result.Path!);
    }
}
