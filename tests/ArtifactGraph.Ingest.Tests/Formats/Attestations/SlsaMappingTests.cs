using ArtifactGraph.Core.Graph;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Ingest.Tests.Formats.Attestations;

/// <summary>SLSA provenance mapping on real documents: builders, sources at revisions, normalizations warned.</summary>
public sealed class SlsaMappingTests
{
    private const string KubeSource = "git+https://github.com/kubernetes/kubernetes@aaf024b5e8dc5e08e4414583203968ca0a5ec043";

    [Fact]
    public void Read_KubernetesV0_2_EverySubjectBuiltByKrelFromTheCommit()
    {
        var (_, batch) = AttestationTestInput.Read(File.ReadAllBytes(Corpus.PathOf("intoto/guac-data_kube-slsa-v1.24.1.json")));

        var artifacts = batch.Nodes.Where(n => n.Kind == NodeKind.Artifact).ToList();
        Assert.NotEmpty(artifacts);
        Assert.All(artifacts, a =>
        {
            Assert.Contains(batch.Edges, e => e.Kind == EdgeKind.BuiltBy && e.From == a.Ref && e.To == new NodeRef(NodeKind.Builder, "https://git.k8s.io/release/docs/krel"));
            Assert.Contains(batch.Edges, e => e.Kind == EdgeKind.BuiltFrom && e.From == a.Ref && e.To == new NodeRef(NodeKind.Source, KubeSource));
        });
        var kubectl = artifacts.Single(a => a.Name == "gs://kubernetes-release/release/v1.24.1/bin/linux/arm64/kubectl");
        Assert.Equal("sha256:b817b54183e089494f8b925096e9b65af3a356d87f94b73929bf5a6028a06271", kubectl.Key);
        Assert.Equal("e800758dea375348127fd9a3064ca62491b7ce49", kubectl.Properties["digest:sha1"]);
        Assert.Equal("https://cloudbuild.googleapis.com/CloudBuildYaml@v1", AttestationTestInput.Property(batch, "slsa:buildType"));
        Assert.Contains("release-1.24", AttestationTestInput.Property(batch, "slsa:invocation:parameters"), StringComparison.Ordinal);
        Assert.Equal("2022-05-24T13:27:46", batch.Document.CreatedAt!.Value.ToString("s", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Read_MaterialDigestInStrayQuotes_UnwrappedAndWarned()
    {
        var (_, batch) = AttestationTestInput.Read(File.ReadAllBytes(Corpus.PathOf("intoto/guac-data_kube-slsa-v1.24.1.json")));

        var warning = Assert.Single(batch.Warnings, w => w.Location == "/predicate/materials/0/digest/sha1");
        Assert.Contains("wrapped in quotes", warning.Message, StringComparison.Ordinal);
        var source = batch.Nodes.Single(n => n.Key == KubeSource);
        Assert.Equal("git+https://github.com/kubernetes/kubernetes", source.Properties["source:repository"]);
        Assert.Equal("aaf024b5e8dc5e08e4414583203968ca0a5ec043", source.Properties["source:revision"]);
    }

    [Fact]
    public void Read_CommitMislabelledSha256_TakenAsCommitWithWarning()
    {
        var (_, batch) = AttestationTestInput.Read(File.ReadAllBytes(Corpus.PathOf("guac/exampledata/oci-kubectl-linux-amd64-in-toto.json")));

        Assert.Contains(batch.Nodes, n => n.Key == "git+https://github.com/kubernetes/kubernetes@8dc49c4b984b897d423aab4971090e1879eb4f23");
        Assert.Contains(batch.Warnings, w => w.Message.Contains("has 40 hex characters, the length of a git commit id", StringComparison.Ordinal));
        Assert.Equal("Project Collection Build Service (AzureContainerUpstream)", AttestationTestInput.Property(batch, "slsa:builder"));
    }

    [Fact]
    public void Read_V1ResolvedDependencies_GitCommitSourceAndRefKept()
    {
        var (_, batch) = AttestationTestInput.Read(File.ReadAllBytes(Corpus.PathOf("intoto/slsa-spec_github-actions-workflow-v1-draft-example.json")));

        var source = batch.Nodes.Single(n => n.Key == "git+https://github.com/octocat/hello-world@c27d339ee6075c1f744c5d4b200f7901aad2c369");
        Assert.Equal("refs/heads/main", source.Properties["source:ref"]);
        Assert.Contains("\"MASCOT\":\"Mona\"", AttestationTestInput.Property(batch, "slsa:externalParameters"), StringComparison.Ordinal);
        Assert.Contains(batch.Warnings, w => w.Location.EndsWith("/resolvedDependencies/1", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SigstoreBundleV02_SlsaV1InsideDsseMapped()
    {
        var (_, batch) = AttestationTestInput.Read(File.ReadAllBytes(Corpus.PathOf("intoto/slsa-verifier_gha-container-based-v2.1.0-push-v14.intoto.build.slsa")));

        Assert.Equal("0.2", AttestationTestInput.Property(batch, "sigstore:version"));
        Assert.Equal("https://slsa.dev/provenance/v1", AttestationTestInput.Property(batch, "intoto:predicateType"));
        Assert.Contains(batch.Nodes, n => n.Key == "git+https://github.com/slsa-framework/example-package@4d329c75e7ec1725f7c9ce917a8799d408d06be3");

        // A 64-hex sha256 on a git URL may be an archive digest: repository only, said so.
        Assert.Contains(batch.Nodes, n => n.Key == "git+https://github.com/slsa-framework/slsa-github-generator");
        Assert.Contains(batch.Warnings, w => w.Message.Contains("is not a commit id", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NpmAttestations_PackageOccursAsSignedTarball()
    {
        var (_, batch) = AttestationTestInput.Read(File.ReadAllBytes(Corpus.PathOf("intoto/slsa-verifier_npm-attestations.intoto.sigstore")));

        var occurs = Assert.Single(batch.Edges, e => e.Kind == EdgeKind.OccursAs);
        Assert.Equal(NodeKind.PackageVersion, occurs.From.Kind);
        Assert.Equal(batch.Document.Subject, occurs.To);
        Assert.Equal("2", AttestationTestInput.Property(batch, "intoto:statements"));
    }

    [Fact]
    public void Read_SubjectSha256OfWrongLength_DroppedWithWarningPurlKept()
    {
        var (_, batch) = AttestationTestInput.Read(File.ReadAllBytes(Corpus.PathOf("guac/exampledata/certify-novuln-v02.json")));

        Assert.DoesNotContain(batch.Nodes, n => n.Kind == NodeKind.Artifact);
        Assert.Contains(batch.Warnings, w => w.Location == "/subject/0/digest/sha256" && w.Message.Contains("expected 64", StringComparison.Ordinal));
        Assert.Equal("https://in-toto.io/attestation/vulns/v0.2", AttestationTestInput.Property(batch, "intoto:predicateType"));
    }
}
