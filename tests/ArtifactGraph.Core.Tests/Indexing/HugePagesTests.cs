using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Tests.Indexing;

public sealed class HugePagesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(3 << 20)]
    [InlineData(5 << 20)]
    public void Advise_AnySize_ContentsUnchanged(int length)
    {
        var array = new int[length];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = i * 7;
        }

        HugePages.Advise(array);
        HugePages.Advise(array);

        Assert.True(array.Select((v, i) => v == i * 7).All(ok => ok));
    }

    [Fact]
    public void Advise_LargeIndex_QueriesAnswerAsBefore()
    {
        // A graph whose reverse targets pass the advice threshold: one hub with 600k dependents.
        var builder = new GraphIndexBuilder();
        var package = builder.AddNode(Core.Graph.NodeKind.PackageVersion, "pkg:npm/a@1", null);
        for (var i = 0; i < 600_000; i++)
        {
            var user = builder.AddNode(Core.Graph.NodeKind.PackageVersion, $"pkg:npm/u{i}@1", null);
            builder.AddEdge(user, package, Core.Graph.EdgeKind.DependsOn);
        }

        var index = builder.Build(0);

        var closure = Core.Queries.ClosureQuery.Run(index, [builder.IndexIdOf(package)], Core.Queries.Direction.Dependents);

        Assert.Equal(600_000, closure.Count);
    }
}
