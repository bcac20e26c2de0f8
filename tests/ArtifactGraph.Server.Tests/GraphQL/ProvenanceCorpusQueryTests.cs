using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>
/// provenance(subject) over public attestations (Kubernetes' SLSA v0.2 with Scorecard results, an npm Sigstore
/// bundle), an SBOM naming its source, and a signed envelope verified against a configured key: each answer
/// equals the CLI's provenance --json for the same store.
/// </summary>
public sealed class ProvenanceCorpusQueryTests : IDisposable
{
    private const string SignedSubject = "sha256:abababababababababababababababababababababababababababababababab";

    private readonly ServerFixture _server = new(new Dictionary<string, string?>(), seed: false);

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("sha256:b817b54183e089494f8b925096e9b65af3a356d87f94b73929bf5a6028a06271", "intoto/guac-data_kube-slsa-v1.24.1.json", "scorecard/guac-data_scorecard-kubernetes-aaf024b5.json", "scorecard/guac-data_scorecard-kubernetes-140c2753.json")]
    [InlineData("pkg:npm/%40laurentsimon/provenance-npm-test@1.0.0", "intoto/slsa-verifier_npm-attestations.intoto.sigstore")]
    public async Task Provenance_CorpusAttestation_EqualsCliJson(string subject, params string[] documents)
    {
        Assert.Equal(0, _server.Cli(["ingest", .. documents.Select(d => Corpus.PathOf(d.Split('/')))]).Exit);

        await AssertParityAsync(subject);
    }

    [Fact]
    public async Task Provenance_SbomSourceAt_PackagesWithRepositoryScorecardEqualCliJson()
    {
        Assert.Equal(0, _server.Cli("ingest", Fixture("app-with-vcs.cdx.json"), Fixture("app.scorecard.json")).Exit);

        var report = await AssertParityAsync("pkg:npm/app@1");

        var source = Assert.Single(Assert.Single(report.GetProperty("packages").EnumerateArray()).GetProperty("sources").EnumerateArray());
        Assert.Equal("repository-latest", source.GetProperty("scorecard").GetProperty("basis").GetString());
    }

    [Fact]
    public async Task Provenance_SignedEnvelopeWithTrust_VerifiedWithItsSigner()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var dir = Directory.CreateTempSubdirectory("ag-trust-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "release.pem"), key.ExportSubjectPublicKeyInfoPem());
            File.WriteAllText(Path.Combine(dir, "trust.json"), """{"keys":[{"keyid":"release","pem":"release.pem"}]}""");
            File.WriteAllText(Path.Combine(dir, "signed.intoto.json"), Envelope(key));
            Assert.Equal(0, _server.Cli("ingest", Path.Combine(dir, "signed.intoto.json"), "--trust", Path.Combine(dir, "trust.json")).Exit);

            var subject = (await AssertParityAsync(SignedSubject)).GetProperty("subjects")[0];

            Assert.True(subject.GetProperty("verified").GetBoolean());
            Assert.Equal(["release"], subject.GetProperty("signers").EnumerateArray().Select(s => s.GetString()));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "provenance", name);

    private async Task<JsonElement> AssertParityAsync(string subject)
    {
        var data = await _server.DataAsync($"query($s: String!) {{ provenance(subject: $s) {{ {ProvenanceQueryTests.Selection} }} }}", new { s = subject });
        var report = data.GetProperty("provenance");

        Assert.True(report.GetProperty("found").GetBoolean());
        Assert.Equal(CliShapes.Text(_server.CliJsonNode("provenance", subject)), CliShapes.Text(ProvenanceQueryTests.Shape(report)));
        return report;
    }

    /// <summary>A DSSE envelope of a SLSA v1 statement about <see cref="SignedSubject"/>, signed with the key (PAE computed here).</summary>
    private static string Envelope(ECDsa key)
    {
        const string Type = "application/vnd.in-toto+json";
        var statement = """{"_type":"https://in-toto.io/Statement/v1","predicateType":"https://slsa.dev/provenance/v1","subject":[{"name":"app","digest":{"sha256":"DIGEST"}}],"predicate":{"buildDefinition":{"buildType":"https://ci.example/type"},"runDetails":{"builder":{"id":"https://ci.example/builder"}}}}"""
            .Replace("DIGEST", SignedSubject[7..], StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(statement);
        var pae = Encoding.UTF8.GetBytes($"DSSEv1 {Type.Length} {Type} {body.Length} ").Concat(body).ToArray();
        return JsonSerializer.Serialize(new
        {
            payloadType = Type,
            payload = Convert.ToBase64String(body),
            signatures = new[] { new { keyid = "release", sig = Convert.ToBase64String(key.SignData(pae, HashAlgorithmName.SHA256)) } },
        });
    }
}
