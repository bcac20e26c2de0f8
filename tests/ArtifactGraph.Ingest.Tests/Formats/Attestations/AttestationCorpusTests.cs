using ArtifactGraph.Core.Graph;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Ingest.Tests.Formats.Attestations;

/// <summary>
/// Every in-toto, DSSE, Sigstore and Scorecard file of the shared corpus (intoto/, scorecard/, and the
/// GUAC example data of those kinds) either reads as the expected format with the expected subject and
/// trust verdict, or is rejected at the expected location for the expected reason.
/// </summary>
public sealed class AttestationCorpusTests
{
    /// <summary>file → format, document subject, trust:verified, a fragment of trust:reason (or of the rejection).</summary>
    private static readonly Dictionary<string, (string Format, string Subject, string Verified, string Reason)> Accepted = new(StringComparer.Ordinal)
    {
        ["intoto/guac-data_kube-slsa-v1.24.1.json"] = ("in-toto", "Artifact:sha256:33dd9da759fb64eb28e015389795ce3e30d23bb6edf5f80befb63cfa420609bc", "false", "unsigned"),
        ["intoto/in-toto-attestation_test-result-example.json"] = ("in-toto", "Artifact:gitcommit:d20ace7968ba43c0219f62d71334c1095bab1602", "false", "unsigned"),
        ["intoto/sigstore-python_Python-3.12.5.tgz.sigstore"] = ("Sigstore-bundle", "Artifact:sha256:38dc4e2c261d49c661196066edbfb70fdb16be4a79cc8220c224dfeb5636d405", "false", "message signature verifies against its certificate for thomas@python.org; the certificate is not verified: no Sigstore trust root configured"),
        ["intoto/sigstore-python_a.dsse.staging-rekor-v2.sigstore.json"] = ("Sigstore-bundle", "Artifact:sha256:a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf", "false", "signature 0 verifies against its certificate for https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/"),
        ["intoto/slsa-spec_github-actions-workflow-v1-draft-example.json"] = ("in-toto", "Artifact:sha256:fe4fe40ac7250263c5dbe1cf3138912f3f416140aa248637a60d65fe22c47da4", "false", "unsigned"),
        ["intoto/slsa-verifier_bcr-MODULE.bazel.intoto.jsonl"] = ("Sigstore-bundle", "Artifact:sha256:06ce330900a7d6403bc8d88e5dfad6aeeb8ae40179f66bb89e69c8bf6f6b1a0b", "false", "verifies against its certificate for https://github.com/bazel-contrib/publish-to-bcr/"),
        ["intoto/slsa-verifier_gha-container-based-v2.1.0-push-v14.intoto.build.slsa"] = ("Sigstore-bundle", "Artifact:sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "false", "no Sigstore trust root configured"),
        ["intoto/slsa-verifier_gha-generic-v1.2.2-push-v14.intoto.jsonl"] = ("DSSE", "Artifact:sha256:ec8ff1bb40da2a36e3e9113dd7a5dd452c5125f7013e849519c0754b3c9fda89", "false", "verifies against its certificate for https://github.com/slsa-framework/slsa-github-generator/"),
        ["intoto/slsa-verifier_gke-gce-pre.bcid-vsa.jsonl"] = ("DSSE", "Artifact:gce_image_id:8970095005306000053", "false", "signature 0 is by key 'keystore://76574:prod:vsa_signing_public_key', which is not configured"),
        ["intoto/slsa-verifier_npm-attestations.intoto.sigstore"] = ("npm-attestations", "Artifact:sha512:29d19f26233f4441328412b34fd73ed104ecfef62f14097890cccf7455b521b65c5acff851849faa85c85395aa22d401436f01f3afb61b19c780e906c88c7f20", "false", "attestation 1 (https://github.com/npm/attestation/tree/main/specs/publish/v0.1): signature 0 is by key 'SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA'"),
        ["scorecard/guac-data_scorecard-kubernetes-140c2753.json"] = ("OpenSSF-Scorecard", "Source:git+https://github.com/kubernetes/kubernetes@140c27533044e9e00f800d3ad0517540e3e4ecad", string.Empty, string.Empty),
        ["scorecard/guac-data_scorecard-kubernetes-aaf024b5.json"] = ("OpenSSF-Scorecard", "Source:git+https://github.com/kubernetes/kubernetes@aaf024b5e8dc5e08e4414583203968ca0a5ec043", string.Empty, string.Empty),
        ["scorecard/scorecard_check1_annotations.json"] = ("OpenSSF-Scorecard", "Source:git+https://github.com/org/name@68bc59901773ab4c051dfcea0cc4201a1567ab32", string.Empty, string.Empty),
        ["scorecard/scorecard_check3.json"] = ("OpenSSF-Scorecard", "Source:git+https://github.com/org/name@68bc59901773ab4c051dfcea0cc4201a1567ab32", string.Empty, string.Empty),
        ["guac/exampledata/kubernetes-scorecard.json"] = ("OpenSSF-Scorecard", "Source:git+https://github.com/kubernetes/kubernetes@5835544ca568b757a8ecae5c153f317e5736700e", string.Empty, string.Empty),
        ["guac/exampledata/oci-dsse-att.json"] = ("DSSE", "Artifact:sha256:9e183c89765d92a440f44ac7059385c778cbadad0ee8fe3208360efb07c0ba09", "false", "signature 0 is by key 'SHA256:Q2hrAmo3UuVRU6SOErQ+0EgKZolzlZdRu9eoKUii+kc', which is not configured"),
        ["guac/exampledata/oci-kubectl-linux-amd64-in-toto.json"] = ("in-toto", "Artifact:sha256:8202add66a93bcb7219ed7bb16438caf82a80c60348cace2381c678b99d65638", "false", "unsigned"),
        ["guac/exampledata/oci-kubectl-linux-arm-v7-in-toto.json"] = ("in-toto", "Artifact:sha256:8202add66a93bcb7219ed7bb16438caf82a80c60348cace2381c678b99d65638", "false", "unsigned"),
        ["guac/exampledata/oci-kubectl-linux-arm64-in-toto.json"] = ("in-toto", "Artifact:sha256:8202add66a93bcb7219ed7bb16438caf82a80c60348cace2381c678b99d65638", "false", "unsigned"),
        ["guac/exampledata/oci-kubectl-windows-amd64-in-toto.json"] = ("in-toto", "Artifact:sha256:8202add66a93bcb7219ed7bb16438caf82a80c60348cace2381c678b99d65638", "false", "unsigned"),
        ["guac/exampledata/certify-novuln.json"] = ("in-toto", "PackageVersion:pkg:maven/org.apache.logging.log4j/log4j-core@2.8.1", "false", "unsigned"),
        ["guac/exampledata/certify-novuln-v02.json"] = ("in-toto", "PackageVersion:pkg:maven/org.apache.logging.log4j/log4j-core@2.8.1", "false", "unsigned"),
        ["guac/exampledata/certify-vuln.json"] = ("in-toto", "PackageVersion:pkg:maven/org.apache.logging.log4j/log4j-core@2.8.1", "false", "unsigned"),
        ["guac/exampledata/certify-vuln-v02.json"] = ("in-toto", "PackageVersion:pkg:maven/org.apache.logging.log4j/log4j-core@2.8.1", "false", "unsigned"),
        ["guac/exampledata/crev-review.json"] = ("in-toto", "Source:git+https://github.com/kubernetes/kubernetes@5835544ca568b757a8ecae5c153f317e5736700e", "false", "unsigned"),
        ["guac/exampledata/github-review.json"] = ("in-toto", "Source:git+https://github.com/kubernetes/kubernetes@5835544ca568b757a8ecae5c153f317e5736700e", "false", "unsigned"),
    };

    /// <summary>file → rejection location and a fragment of its reason.</summary>
    private static readonly Dictionary<string, (string Location, string Reason)> Rejected = new(StringComparer.Ordinal)
    {
        ["intoto/sigstore-python_slsa_predicate_v0_2.json"] = ("/", "a bare SLSA provenance v0.2 predicate (no in-toto Statement around it) does not say which artifact it describes"),
        ["intoto/sigstore-python_slsa_predicate_v1_0.json"] = ("/", "a bare SLSA provenance v1 predicate (no in-toto Statement around it) does not say which artifact it describes"),
        ["scorecard/scorecard_probe1.json"] = ("/repo/name", "repository 'foo' is not host/owner/repo"),
        ["guac/exampledata/invalid-scorecard.json"] = ("/repo/name", "the scored repository's name is missing"),
    };

    public static TheoryData<string> AcceptedFiles() => new(Accepted.Keys);

    public static TheoryData<string> RejectedFiles() => new(Rejected.Keys);

    [Fact]
    public void Corpus_EveryAttestationAndScorecardFile_IsListed()
    {
        var files = Corpus.Files("intoto").Concat(Corpus.Files("scorecard"))
            .Select(f => Path.GetRelativePath(Corpus.Root, f).Replace('\\', '/'));

        Assert.All(files, f => Assert.True(Accepted.ContainsKey(f) || Rejected.ContainsKey(f), $"{f} has no expectation"));
    }

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Read_CorpusFile_ExpectedFormatSubjectAndTrust(string file)
    {
        var (format, subject, verified, reason) = Accepted[file];

        var (reader, batch) = AttestationTestInput.Read(File.ReadAllBytes(Corpus.PathOf(file)));

        Assert.Equal(format, reader.Format);
        Assert.Equal(subject, batch.Document.Subject.ToString());
        Assert.Equal(verified, AttestationTestInput.Property(batch, "trust:verified"));
        Assert.Contains(reason, AttestationTestInput.Property(batch, "trust:reason"), StringComparison.Ordinal);
        Assert.Contains(batch.Edges, e => e.Kind == EdgeKind.Describes && e.From == batch.Document.NodeRef);
    }

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public void Read_CorpusFile_RejectedWithPreciseReason(string file)
    {
        var (location, reason) = Rejected[file];

        var ex = Assert.Throws<DocumentRejectedException>(() => AttestationTestInput.Read(File.ReadAllBytes(Corpus.PathOf(file))));

        Assert.Equal(location, ex.Location);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BarePredicateWithSubjectHint_MappedToThatArtifact()
    {
        const string subject = "sha256:0000000000000000000000000000000000000000000000000000000000000001";
        var hints = new Dictionary<string, string> { ["subject"] = subject };

        var (_, batch) = AttestationTestInput.Read(File.ReadAllBytes(Corpus.PathOf("intoto/sigstore-python_slsa_predicate_v1_0.json")), hints: hints);

        var artifact = new NodeRef(NodeKind.Artifact, subject);
        Assert.Contains(batch.Edges, e => e.Kind == EdgeKind.BuiltBy && e.From == artifact && e.To.Key == "https://github.com/octo-org/octo-repo/.github/workflows/docker.yaml@refs/heads/development");
        Assert.Contains(batch.Edges, e => e.Kind == EdgeKind.BuiltFrom && e.From == artifact && e.To.Key == "git+https://github.com/octo-org/octo-repo@1ac93ce21ee526b36fd154b9058d97dfaa424c50");
        Assert.Contains(batch.Warnings, w => w.Message.Contains("taken from the caller's hint", StringComparison.Ordinal));
    }
}
