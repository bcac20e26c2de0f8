using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Core.Tests.Queries;

public class TargetResolverTests
{
    private const string Digest = "sha256:abababababababababababababababababababababababababababababababab";

    private static readonly ArtifactGraph.Core.Indexing.GraphIndex Index = new TestGraph()
        .Version("pkg:apk/alpine/musl@1.2.3-r0?arch=x86_64&distro=alpine-3.17", "pkg:apk/alpine/musl")
        .Version("pkg:apk/alpine/musl@1.2.4-r1?arch=x86_64&distro=alpine-3.18", "pkg:apk/alpine/musl")
        .Version("pkg:golang/./api@(devel)", "pkg:golang/./api")
        .Node(NodeKind.Artifact, Digest)
        .Node(NodeKind.Image, Digest, "app:1")
        .Build();

    [Fact]
    public void Resolve_VersionlessPurl_MatchesEveryVersion()
    {
        var target = TargetResolver.Resolve(Index, "pkg:apk/alpine/musl");

        Assert.Null(target.Error);
        Assert.Equal(2, target.Nodes.Count);
    }

    [Fact]
    public void Resolve_VersionWithoutQualifiers_MatchesQualifiedVersion()
    {
        var target = TargetResolver.Resolve(Index, "pkg:apk/alpine/musl@1.2.4-r1");

        Assert.Equal(["pkg:apk/alpine/musl@1.2.4-r1?arch=x86_64&distro=alpine-3.18"], target.Nodes.Select(Index.KeyOf));
    }

    [Fact]
    public void Resolve_QualifierThatNoVersionHas_MatchesNothing()
    {
        var target = TargetResolver.Resolve(Index, "pkg:apk/alpine/musl@1.2.4-r1?arch=aarch64");

        Assert.Empty(target.Nodes);
    }

    [Fact]
    public void Resolve_UnparsablePurl_MatchesVerbatimKey()
    {
        Assert.Single(TargetResolver.Resolve(Index, "pkg:golang/./api@(devel)").Nodes);
    }

    [Fact]
    public void Resolve_Digest_MatchesArtifactAndImage()
    {
        var target = TargetResolver.Resolve(Index, Digest.ToUpperInvariant());

        Assert.Equal([NodeKind.Artifact, NodeKind.Image], target.Nodes.Select(Index.KindOf));
    }

    [Fact]
    public void Resolve_NeitherPurlNorDigest_ReturnsError()
    {
        Assert.NotNull(TargetResolver.Resolve(Index, "lodash").Error);
    }
}
