using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Core.Tests.Queries;

public sealed class ImageTagResolverTests
{
    private const string D1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string D2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private const string D3 = "sha256:3333333333333333333333333333333333333333333333333333333333333333";

    private static int Id(ArtifactGraph.Core.Indexing.GraphIndex index, string key) =>
        index.TryFind(NodeKind.Image, key, out var id) ? id : throw new InvalidOperationException(key);

    [Fact]
    public void Resolve_OneDigestImageWithThatTag_Resolved()
    {
        var index = new TestGraph()
            .Node(NodeKind.Image, D1, "docker.io/library/nginx:1.25")
            .Node(NodeKind.Image, D2, "docker.io/library/nginx:1.24")
            .Node(NodeKind.Image, "ref:docker.io/library/nginx:1.25", "docker.io/library/nginx:1.25")
            .Build();
        var resolver = ImageTagResolver.Build(index);

        var resolution = resolver.Resolve(Id(index, "ref:docker.io/library/nginx:1.25"));

        Assert.Equal(TagResolutionStatus.Resolved, resolution.Status);
        Assert.Equal([Id(index, D1)], resolution.Images);
        Assert.Equal([Id(index, "ref:docker.io/library/nginx:1.25")], resolver.ReferencesTo(Id(index, D1)));
        Assert.Empty(resolver.ReferencesTo(Id(index, D2)));
    }

    [Fact]
    public void TagsOf_ShortNameAndItsReferences_OneCanonicalSetSorted()
    {
        // An SBOM names the image "nginx:1.25"; inventories reference it in two other spellings. All three are one
        // canonical reference. A name that is no image reference stays as written; an unnamed, unreferenced digest has none.
        var index = new TestGraph()
            .Node(NodeKind.Image, D1, "nginx:1.25")
            .Node(NodeKind.Image, "ref:docker.io/library/nginx:1.25", "docker.io/library/nginx:1.25")
            .Node(NodeKind.Image, "ref:NGINX:1.25", "NGINX:1.25")
            .Node(NodeKind.Image, D2, "my app (not a reference)")
            .Node(NodeKind.Image, D3)
            .Build();

        Assert.Equal(["docker.io/library/nginx:1.25"], ImageTagResolver.TagsOf(index, Id(index, D1)));
        Assert.Equal(["my app (not a reference)"], ImageTagResolver.TagsOf(index, Id(index, D2)));
        Assert.Empty(ImageTagResolver.TagsOf(index, Id(index, D3)));
    }

    [Fact]
    public void Resolve_ShortDockerHubNameInSbom_MatchesCanonicalReference()
    {
        var index = new TestGraph()
            .Node(NodeKind.Image, D1, "nginx:1.25")
            .Node(NodeKind.Image, "ref:docker.io/library/nginx:1.25", "docker.io/library/nginx:1.25")
            .Build();

        var resolution = ImageTagResolver.Build(index).Resolve(Id(index, "ref:docker.io/library/nginx:1.25"));

        Assert.Equal(TagResolutionStatus.Resolved, resolution.Status);
        Assert.Equal("docker.io/library/nginx:1.25", resolution.Reference);
    }

    [Fact]
    public void Resolve_NoDigestImageWithThatTag_Unresolved()
    {
        var index = new TestGraph()
            .Node(NodeKind.Image, D1, "docker.io/library/nginx:1.24")
            .Node(NodeKind.Image, D2, "registry.example.com/nginx:1.25")
            .Node(NodeKind.Image, "ref:docker.io/library/nginx:1.25", "docker.io/library/nginx:1.25")
            .Build();

        var resolution = ImageTagResolver.Build(index).Resolve(Id(index, "ref:docker.io/library/nginx:1.25"));

        Assert.Equal(TagResolutionStatus.Unresolved, resolution.Status);
        Assert.Empty(resolution.Images);
    }

    [Fact]
    public void Resolve_TwoDigestsShareTheTag_AmbiguousListingBoth()
    {
        var index = new TestGraph()
            .Node(NodeKind.Image, D1, "registry.example.com/shop/api:latest")
            .Node(NodeKind.Image, D2, "registry.example.com/shop/api:latest")
            .Node(NodeKind.Image, "ref:registry.example.com/shop/api:latest", "registry.example.com/shop/api:latest")
            .Build();
        var resolver = ImageTagResolver.Build(index);

        var resolution = resolver.Resolve(Id(index, "ref:registry.example.com/shop/api:latest"));

        Assert.Equal(TagResolutionStatus.Ambiguous, resolution.Status);
        Assert.Equal([Id(index, D1), Id(index, D2)], resolution.Images.Order());
        Assert.Empty(resolver.ReferencesTo(Id(index, D1)));
    }

    [Fact]
    public void Resolve_IndexContainingItsPlatformImages_ResolvesToTheIndex()
    {
        var index = new TestGraph()
            .Node(NodeKind.Image, D1, "registry.example.com/app:1.0")
            .Node(NodeKind.Image, D2, "registry.example.com/app:1.0")
            .Node(NodeKind.Image, D3, "registry.example.com/app:1.0")
            .Node(NodeKind.Image, "ref:registry.example.com/app:1.0", "registry.example.com/app:1.0")
            .Edge(NodeKind.Image, D1, EdgeKind.Contains, NodeKind.Image, D2)
            .Edge(NodeKind.Image, D1, EdgeKind.Contains, NodeKind.Image, D3)
            .Build();

        var resolution = ImageTagResolver.Build(index).Resolve(Id(index, "ref:registry.example.com/app:1.0"));

        Assert.Equal(TagResolutionStatus.Resolved, resolution.Status);
        Assert.Equal([Id(index, D1)], resolution.Images);
    }

    [Fact]
    public void Resolve_DigestImage_ResolvesToItself()
    {
        var index = new TestGraph().Node(NodeKind.Image, D1, "docker.io/library/nginx:1.25").Build();

        Assert.Equal([Id(index, D1)], ImageTagResolver.For(index).Resolve(Id(index, D1)).Images);
        Assert.Same(ImageTagResolver.For(index), ImageTagResolver.For(index));
    }

    [Fact]
    public void DescribedByTag_ReportedDigestWithoutSbom_PointsAtTheDescribedTwinOfItsTag()
    {
        var index = new TestGraph()
            .Node(NodeKind.Image, D1, "docker.io/library/nginx:1.25")
            .Node(NodeKind.Image, D2, "nginx:1.25")
            .Node(NodeKind.PackageVersion, "pkg:deb/debian/openssl@3.0.11")
            .Edge(NodeKind.Image, D2, EdgeKind.Contains, NodeKind.PackageVersion, "pkg:deb/debian/openssl@3.0.11")
            .Build();
        var resolver = ImageTagResolver.Build(index);

        var twin = resolver.DescribedByTag(Id(index, D1));

        Assert.NotNull(twin);
        Assert.Equal(TagResolutionStatus.Resolved, twin.Status);
        Assert.Equal([Id(index, D2)], twin.Images);
        Assert.Equal([Id(index, D1)], resolver.TagTwinsOf(Id(index, D2)));
        Assert.Null(resolver.DescribedByTag(Id(index, D2)));
    }

    [Fact]
    public void DescribedByTag_NoOtherDigestWithTheTag_Null()
    {
        var index = new TestGraph().Node(NodeKind.Image, D1, "docker.io/library/nginx:1.25").Build();

        Assert.Null(ImageTagResolver.Build(index).DescribedByTag(Id(index, D1)));
    }

    [Theory]
    [InlineData("nginx", "docker.io/library/nginx:latest")]
    [InlineData("nginx:1.25", "docker.io/library/nginx:1.25")]
    [InlineData("ref:docker.io/library/nginx:1.25", "docker.io/library/nginx:1.25")]
    [InlineData("Registry.Example.com/Shop/API:V1", "registry.example.com/shop/api:V1")]
    [InlineData("localhost:5000/app@sha256:1111111111111111111111111111111111111111111111111111111111111111", "localhost:5000/app:latest")]
    [InlineData("index.docker.io/bitnami/redis:7", "docker.io/bitnami/redis:7")]
    public void Canonical_References_DockerNormalized(string text, string expected)
    {
        Assert.Equal(expected, ImageTagResolver.Canonical(text));
    }
}
