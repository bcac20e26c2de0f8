using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Cli.Tests.Commands;

/// <summary>
/// The check: real SLSA v0.2 provenance of Kubernetes v1.24.1 binaries plus real Scorecard results for
/// kubernetes/kubernetes; <c>provenance</c> of a binary's sha256 names the builder, the repository and commit,
/// and that commit's Scorecard score. The provenance's material commit (aaf024b5…) is one of the two commits
/// the corpus has Scorecard results for, so the score asserted is the exact commit's, not the latest.
/// </summary>
public sealed class ProvenanceCommandTests : IDisposable
{
    private const string Kubectl = "sha256:b817b54183e089494f8b925096e9b65af3a356d87f94b73929bf5a6028a06271";
    private const string Commit = "aaf024b5e8dc5e08e4414583203968ca0a5ec043";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Provenance_KubernetesBinary_BuilderRepositoryCommitAndThatCommitsScorecard()
    {
        IngestKubernetes();

        var result = _cli.Json("provenance", Kubectl);

        var subject = Assert.Single(result.GetProperty("subjects").EnumerateArray());
        Assert.Equal("gs://kubernetes-release/release/v1.24.1/bin/linux/arm64/kubectl", subject.GetProperty("name").GetString());
        Assert.Equal("https://git.k8s.io/release/docs/krel", Assert.Single(subject.GetProperty("builders").EnumerateArray()).GetString());
        Assert.Equal("https://cloudbuild.googleapis.com/CloudBuildYaml@v1", subject.GetProperty("buildTypes")[0].GetString());
        var source = Assert.Single(subject.GetProperty("sources").EnumerateArray());
        Assert.Equal("git+https://github.com/kubernetes/kubernetes", source.GetProperty("repository").GetString());
        Assert.Equal(Commit, source.GetProperty("revision").GetString());
        var scorecard = source.GetProperty("scorecard");
        Assert.Equal("commit", scorecard.GetProperty("basis").GetString());
        Assert.Equal(Commit, scorecard.GetProperty("commit").GetString());
        Assert.Equal(9.0, scorecard.GetProperty("score").GetDouble());
        Assert.Equal("v4.7.0", scorecard.GetProperty("version").GetString());
        var failing = scorecard.GetProperty("failingChecks").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("score").GetDouble())).ToList();
        Assert.Equal([("Pinned-Dependencies", 2.0), ("Code-Review", 8.0)], failing);
        var attestation = Assert.Single(subject.GetProperty("attestations").EnumerateArray());
        Assert.Equal("https://slsa.dev/provenance/v0.2", attestation.GetProperty("predicateType").GetString());
        Assert.False(attestation.GetProperty("verified").GetBoolean());
        Assert.Contains("unsigned", attestation.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Provenance_Table_NamesBuilderSourceAndScore()
    {
        IngestKubernetes();

        var (exit, output, _) = _cli.Run("provenance", Kubectl);

        Assert.Equal(0, exit);
        Assert.Contains("https://git.k8s.io/release/docs/krel", output, StringComparison.Ordinal);
        Assert.Contains($"git+https://github.com/kubernetes/kubernetes @ {Commit}", output, StringComparison.Ordinal);
        Assert.Contains("9.0/10 (for this commit", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Provenance_AsOfBeforeScorecards_SourceWithoutScorecard()
    {
        IngestKubernetes();

        var result = _cli.Json("provenance", Kubectl, "--as-of", "2022-06-01");

        var source = result.GetProperty("subjects")[0].GetProperty("sources")[0];
        Assert.Equal(JsonValueKind.Null, source.GetProperty("scorecard").ValueKind);
    }

    [Fact]
    public void Provenance_SampleApiImage_ProvenanceMeetsImageAndScorecardOfItsCommit()
    {
        var samples = CliRunner.Samples;
        Assert.Equal(0, _cli.Run("ingest", Path.Combine(samples, "sboms"), Path.Combine(samples, "attestations"), Path.Combine(samples, "scorecards")).Exit);

        var subject = _cli.Json("provenance", "sha256:d20141dbeaeb24ed0d7bbc855d6b7f7c4bfce46b85d8b851f36ad8a47db7b7d1").GetProperty("subjects")[0];

        Assert.Equal("https://github.com/actions/runner/github-hosted", subject.GetProperty("builders")[0].GetString());
        var source = subject.GetProperty("sources")[0];
        Assert.Equal("git+https://github.example.com/shop/api", source.GetProperty("repository").GetString());
        Assert.Equal("refs/tags/v1.4.2", source.GetProperty("ref").GetString());
        Assert.Equal("commit", source.GetProperty("scorecard").GetProperty("basis").GetString());
        Assert.Equal(6.4, source.GetProperty("scorecard").GetProperty("score").GetDouble());
    }

    [Fact]
    public void Provenance_NpmPurl_ReachesAttestedTarballThroughOccursAs()
    {
        Assert.Equal(0, _cli.Run("ingest", Corpus.PathOf("intoto", "slsa-verifier_npm-attestations.intoto.sigstore")).Exit);

        var result = _cli.Json("provenance", "pkg:npm/%40laurentsimon/provenance-npm-test@1.0.0");

        var subject = Assert.Single(result.GetProperty("subjects").EnumerateArray());
        Assert.StartsWith("sha512:", subject.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Contains("no Sigstore trust root configured", subject.GetProperty("attestations")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Provenance_SbomSourceAt_PackageSourcesWithRepositoryScorecard()
    {
        var sbom = _cli.WriteFile("sbom.json", """
            {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
             "metadata":{"component":{"type":"application","bom-ref":"app","name":"app","version":"1","purl":"pkg:npm/app@1",
               "externalReferences":[{"type":"vcs","url":"https://github.com/acme/app"}]}}}
            """);
        var card = _cli.WriteFile("card.json", """
            {"date":"2024-05-01","repo":{"name":"github.com/acme/app","commit":"0000000000000000000000000000000000000001"},
             "scorecard":{"version":"v5.0.0"},"score":6.5,"checks":[{"name":"Fuzzing","score":0,"reason":"no fuzzing"},{"name":"License","score":10,"reason":"ok"}]}
            """);
        Assert.Equal(0, _cli.Run("ingest", sbom, card).Exit);

        var result = _cli.Json("provenance", "pkg:npm/app@1");

        var source = result.GetProperty("packages")[0].GetProperty("sources")[0];
        Assert.Equal("git+https://github.com/acme/app", source.GetProperty("repository").GetString());
        Assert.Equal("repository-latest", source.GetProperty("scorecard").GetProperty("basis").GetString());
        Assert.Equal(6.5, source.GetProperty("scorecard").GetProperty("score").GetDouble());
        Assert.Equal("Fuzzing", Assert.Single(source.GetProperty("scorecard").GetProperty("failingChecks").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public void Ingest_SignedEnvelopeWithTrust_ProvenanceShowsVerifiedKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var trust = WriteTrust(key);
        var envelope = _cli.WriteFile("signed.intoto.json", Envelope(key, Statement("https://ci.example/builder"), null));

        Assert.Equal(0, _cli.Run("ingest", envelope, "--trust", trust).Exit);

        var attestation = _cli.Json("provenance", SubjectDigest).GetProperty("subjects")[0].GetProperty("attestations")[0];
        Assert.True(attestation.GetProperty("verified").GetBoolean());
        Assert.Equal("release", attestation.GetProperty("keyid").GetString());
    }

    [Fact]
    public void Ingest_TamperedEnvelopeWithTrust_RejectedNamingTheSignature()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var trust = WriteTrust(key);
        var envelope = _cli.WriteFile("tampered.intoto.json", Envelope(key, Statement("https://ci.example/builder"), Statement("https://evil.example/builder")));

        var report = _cli.Json("ingest", envelope, "--trust", trust);

        var rejected = report.GetProperty("files")[0];
        Assert.Equal("rejected", rejected.GetProperty("outcome").GetString());
        Assert.Equal("/signatures/0", rejected.GetProperty("location").GetString());
        Assert.Contains("does not verify against the configured key 'release'", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(_cli.Json("provenance", SubjectDigest).GetProperty("found").GetBoolean());
    }

    [Fact]
    public void Ingest_UnreadableTrustFile_UsageError()
    {
        var (exit, _, error) = _cli.Run("ingest", CliRunner.Samples, "--trust", Path.Combine(_cli.Dir, "missing.json"));

        Assert.Equal(2, exit);
        Assert.Contains("trust configuration", error, StringComparison.Ordinal);
    }

    private const string SubjectDigest = "sha256:abababababababababababababababababababababababababababababababab";

    private void IngestKubernetes()
    {
        var (exit, _, error) = _cli.Run("ingest", Corpus.PathOf("intoto", "guac-data_kube-slsa-v1.24.1.json"), Corpus.PathOf("scorecard", "guac-data_scorecard-kubernetes-aaf024b5.json"), Corpus.PathOf("scorecard", "guac-data_scorecard-kubernetes-140c2753.json"));
        Assert.True(exit == 0, error);
    }

    private static string Statement(string builder) =>
        """{"_type":"https://in-toto.io/Statement/v1","predicateType":"https://slsa.dev/provenance/v1","subject":[{"name":"app","digest":{"sha256":"DIGEST"}}],"predicate":{"buildDefinition":{"buildType":"https://ci.example/type"},"runDetails":{"builder":{"id":"BUILDER"}}}}"""
            .Replace("DIGEST", SubjectDigest[7..], StringComparison.Ordinal)
            .Replace("BUILDER", builder, StringComparison.Ordinal);

    /// <summary>Signs <paramref name="signed"/> (PAE computed here independently of the product) and ships <paramref name="shipped"/> or it.</summary>
    private static string Envelope(ECDsa key, string signed, string? shipped)
    {
        const string type = "application/vnd.in-toto+json";
        var body = Encoding.UTF8.GetBytes(signed);
        var pae = Encoding.UTF8.GetBytes($"DSSEv1 {type.Length} {type} {body.Length} ").Concat(body).ToArray();
        var sig = key.SignData(pae, HashAlgorithmName.SHA256);
        return JsonSerializer.Serialize(new
        {
            payloadType = type,
            payload = Convert.ToBase64String(Encoding.UTF8.GetBytes(shipped ?? signed)),
            signatures = new[] { new { keyid = "release", sig = Convert.ToBase64String(sig) } },
        });
    }

    private string WriteTrust(ECDsa key)
    {
        _cli.WriteFile("release.pem", key.ExportSubjectPublicKeyInfoPem());
        return _cli.WriteFile("trust.json", """{"keys":[{"keyid":"release","pem":"release.pem"}]}""");
    }
}
