using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Core.Tests.Indexing;

public class RunnerRangesTests
{
    private static readonly uint Impact = EdgeKindSet.Impact.Mask;
    private static readonly uint Symmetric = EdgeKindSet.Symmetric.Mask;

    /// <summary>Ids in arrival order (no walk order), so each test says which ids are consecutive.</summary>
    private static GraphIndexBuilder Builder() => new() { OrderForWalks = false };

    [Fact]
    public void Of_ImageRunByConsecutiveDeployments_GivesTheirRangeAndTheFirstOnesSlot()
    {
        var builder = Builder();
        var other = builder.AddNode(NodeKind.Deployment, "prod/c/ns/deployment/other", null);
        var image = builder.AddNode(NodeKind.Image, "sha256:aa", null);
        var web = builder.AddNode(NodeKind.Deployment, "prod/c/ns/deployment/web", null);
        var worker = builder.AddNode(NodeKind.Deployment, "prod/c/ns/deployment/worker", null);
        var second = builder.AddNode(NodeKind.Image, "sha256:bb", null);
        builder.AddEdge(web, image, EdgeKind.Runs);
        builder.AddEdge(worker, image, EdgeKind.Runs);
        builder.AddEdge(other, second, EdgeKind.Runs);
        var index = builder.Build(1);

        Assert.True(index.Runners.AppliesTo(Impact, Symmetric));
        Assert.True(index.Runners.TryGet(image, out var first, out var count, out var slot));
        Assert.Equal((web, 2, 1), (first, count, slot));
        Assert.True(index.Runners.TryGet(second, out first, out count, out slot));
        Assert.Equal((other, 1, 0), (first, count, slot));
        Assert.False(index.Runners.TryGet(web, out _, out _, out _));
    }

    [Fact]
    public void Of_DeploymentRunningTwoImages_LeavesBothImagesWithoutARange()
    {
        var builder = Builder();
        var app = builder.AddNode(NodeKind.Image, "sha256:aa", null);
        var sidecar = builder.AddNode(NodeKind.Image, "sha256:bb", null);
        var web = builder.AddNode(NodeKind.Deployment, "prod/c/ns/deployment/web", null);
        builder.AddEdge(web, app, EdgeKind.Runs);
        builder.AddEdge(web, sidecar, EdgeKind.Runs);
        var index = builder.Build(1);

        Assert.False(index.Runners.TryGet(app, out _, out _, out _));
        Assert.False(index.Runners.TryGet(sidecar, out _, out _, out _));
    }

    [Fact]
    public void Of_RunnersNotOneAfterTheOther_LeaveTheImageWithoutARange()
    {
        var builder = Builder();
        var web = builder.AddNode(NodeKind.Deployment, "prod/c/ns/deployment/web", null);
        var image = builder.AddNode(NodeKind.Image, "sha256:aa", null);
        var worker = builder.AddNode(NodeKind.Deployment, "prod/c/ns/deployment/worker", null);
        builder.AddEdge(web, image, EdgeKind.Runs);
        builder.AddEdge(worker, image, EdgeKind.Runs);
        var index = builder.Build(1);

        Assert.False(index.Runners.TryGet(image, out _, out _, out _));
    }

    [Fact]
    public void AppliesTo_WalkWithoutRunsOrARunnerWithARowItReads_IsFalse()
    {
        var builder = Builder();
        var image = builder.AddNode(NodeKind.Image, "sha256:aa", null);
        var web = builder.AddNode(NodeKind.Deployment, "prod/c/ns/deployment/web", null);
        var package = builder.AddNode(NodeKind.PackageVersion, "pkg:npm/odd@1", null);
        builder.AddEdge(web, image, EdgeKind.Runs);
        builder.AddEdge(package, web, EdgeKind.DependsOn);
        var index = builder.Build(1);

        // Something depends on the deployment: a dependents walk over DEPENDS_ON goes on from it, so it is no leaf.
        Assert.False(index.Runners.AppliesTo(Impact, Symmetric));
        Assert.True(index.Runners.AppliesTo(EdgeKindSet.Of(EdgeKind.Runs, EdgeKind.Contains).Mask, 0));
        Assert.False(index.Runners.AppliesTo(EdgeKindSet.Of(EdgeKind.Contains, EdgeKind.DependsOn).Mask, 0));
    }

    [Fact]
    public void AppliesTo_RunnerThatIsNotADeployment_IsFalse()
    {
        var builder = Builder();
        var image = builder.AddNode(NodeKind.Image, "sha256:aa", null);
        var odd = builder.AddNode(NodeKind.Image, "sha256:bb", null);
        builder.AddEdge(odd, image, EdgeKind.Runs);
        var index = builder.Build(1);

        Assert.False(index.Runners.AppliesTo(Impact, Symmetric));
    }
}
