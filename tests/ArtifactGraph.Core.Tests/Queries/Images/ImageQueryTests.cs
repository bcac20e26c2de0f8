using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Queries.Images;

namespace ArtifactGraph.Core.Tests.Queries.Images;

public class ImageQueryTests
{
    private const string Digest = "sha256:aa";

    [Fact]
    public void Run_AttestationOnTheSameDigestArtifact_ListedAsTheImagesProvenance()
    {
        // An attestation names its subject by digest: the build lands on the Artifact, not the Image node.
        var index = new TestGraph()
            .Node(NodeKind.Image, Digest, "registry/app:1")
            .Node(NodeKind.Artifact, Digest)
            .Node(NodeKind.Builder, "https://github.com/actions/runner")
            .Node(NodeKind.Source, "git+https://github.com/acme/app@1234")
            .Edge(NodeKind.Artifact, Digest, EdgeKind.BuiltBy, NodeKind.Builder, "https://github.com/actions/runner")
            .Edge(NodeKind.Artifact, Digest, EdgeKind.BuiltFrom, NodeKind.Source, "git+https://github.com/acme/app@1234")
            .Build();
        index.TryFind(NodeKind.Image, Digest, out var image);

        var report = ImageQuery.Run(index, AdvisoryCatalog.Create([], index), image);

        Assert.Equal(new HashSet<EdgeKind> { EdgeKind.BuiltBy, EdgeKind.BuiltFrom }, report.Provenance.Select(e => e.Kind).ToHashSet());
        Assert.Contains(report.Provenance, e => index.KeyOf(e.To) == "https://github.com/actions/runner");
    }
}
