using System.Text;
using System.Text.Json;
using ArtifactGraph.Ingest.Tests.Formats.Attestations;
using ArtifactGraph.Ingest.Trust;

namespace ArtifactGraph.Ingest.Tests.Trust;

/// <summary>
/// Intact, payload changed, signature changed and key swapped envelopes, for every supported key type,
/// read through the DSSE reader with keys generated here.
/// </summary>
public sealed class EnvelopeVerifierTests
{
    public static TheoryData<string> Algorithms => TestSigner.All;

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Read_IntactEnvelopeTrustedKey_VerifiedWithKeyId(string algorithm)
    {
        var signer = TestSigner.Create(algorithm);

        var (_, batch) = AttestationTestInput.Read(SignedFixtures.Signed(signer, "release-key"), SignedFixtures.Trusting(("release-key", signer)));

        Assert.Equal("true", AttestationTestInput.Property(batch, "trust:verified"));
        Assert.Equal("release-key", AttestationTestInput.Property(batch, "trust:keyid"));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Read_PayloadChanged_RejectedNamingSignature(string algorithm)
    {
        var signer = TestSigner.Create(algorithm);
        var original = Encoding.UTF8.GetBytes(SignedFixtures.Statement());
        var signature = signer.Sign(DssePae.Encode("application/vnd.in-toto+json", original));
        var tampered = Encoding.UTF8.GetBytes(SignedFixtures.Statement("https://evil.example/builder"));

        var ex = Assert.Throws<DocumentRejectedException>(() =>
            AttestationTestInput.Read(SignedFixtures.Envelope(tampered, signature, "release-key"), SignedFixtures.Trusting(("release-key", signer))));

        Assert.Equal("/signatures/0", ex.Location);
        Assert.Contains("signature 0 does not verify against the configured key 'release-key'", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Read_SignatureChanged_Rejected(string algorithm)
    {
        var signer = TestSigner.Create(algorithm);
        var payload = Encoding.UTF8.GetBytes(SignedFixtures.Statement());
        var signature = signer.Sign(DssePae.Encode("application/vnd.in-toto+json", payload));
        signature[^1] ^= 0x01;

        var ex = Assert.Throws<DocumentRejectedException>(() =>
            AttestationTestInput.Read(SignedFixtures.Envelope(payload, signature, "release-key"), SignedFixtures.Trusting(("release-key", signer))));

        Assert.Contains("does not verify", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Read_KeySwappedUnderSameKeyId_Rejected(string algorithm)
    {
        var signer = TestSigner.Create(algorithm);
        var other = TestSigner.Create(algorithm);

        var ex = Assert.Throws<DocumentRejectedException>(() =>
            AttestationTestInput.Read(SignedFixtures.Signed(signer, "release-key"), SignedFixtures.Trusting(("release-key", other))));

        Assert.Contains("'release-key'", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Read_SignedByUnknownKey_StoredUnverifiedWithReason(string algorithm)
    {
        var signer = TestSigner.Create(algorithm);
        var configured = TestSigner.Create(algorithm);

        var (_, batch) = AttestationTestInput.Read(SignedFixtures.Signed(signer, "someone-else"), SignedFixtures.Trusting(("release-key", configured)));

        Assert.Equal("false", AttestationTestInput.Property(batch, "trust:verified"));
        Assert.Contains("'someone-else', which is not configured", AttestationTestInput.Property(batch, "trust:reason"), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoKeyIdButConfiguredKeyVerifies_VerifiedWithThatKey()
    {
        var signer = TestSigner.Create("ecdsa-p256-der");

        var (_, batch) = AttestationTestInput.Read(SignedFixtures.Signed(signer, keyId: null), SignedFixtures.Trusting(("ci", TestSigner.Create("ed25519")), ("release-key", signer)));

        Assert.Equal("true", AttestationTestInput.Property(batch, "trust:verified"));
        Assert.Equal("release-key", AttestationTestInput.Property(batch, "trust:keyid"));
    }

    [Fact]
    public void Read_NoTrustConfigured_UnverifiedSaysSo()
    {
        var (_, batch) = AttestationTestInput.Read(SignedFixtures.Signed(TestSigner.Create("ed25519"), "k"));

        Assert.Equal("false", AttestationTestInput.Property(batch, "trust:verified"));
        Assert.Contains("no trusted keys are configured", AttestationTestInput.Property(batch, "trust:reason"), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonLinesOneTamperedLine_RejectedAtThatLine()
    {
        var signer = TestSigner.Create("ecdsa-p256-der");
        var good = Encoding.UTF8.GetString(SignedFixtures.Signed(signer, "k"));
        var payload = Encoding.UTF8.GetBytes(SignedFixtures.Statement());
        var bad = Encoding.UTF8.GetString(SignedFixtures.Envelope(payload, signer.Sign("other"u8.ToArray()), "k"));

        var ex = Assert.Throws<DocumentRejectedException>(() =>
            AttestationTestInput.Read(Encoding.UTF8.GetBytes(good + "\n" + bad + "\n"), SignedFixtures.Trusting(("k", signer))));

        Assert.Equal("line 2:/signatures/0", ex.Location);
    }

    [Fact]
    public void Load_KeyFromPemFileRelativeToConfiguration_Verifies()
    {
        var signer = TestSigner.Create("rsa-pss-sha256");
        var dir = Directory.CreateTempSubdirectory("ag-trust-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "release.pem"), signer.PublicPem);
            var config = Path.Combine(dir, "trust.json");
            File.WriteAllText(config, JsonSerializer.Serialize(new { keys = new[] { new { keyid = "rel", pem = "release.pem" } } }));

            var (_, batch) = AttestationTestInput.Read(SignedFixtures.Signed(signer, "rel"), TrustConfiguration.Load(config));

            Assert.Equal("true", AttestationTestInput.Property(batch, "trust:verified"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("""{"keys":[{"pem":"x.pem"}]}""", "key id")]
    [InlineData("""{"keys":[{"keyid":"a","publicKey":"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"}]}""", "not a usable public key")]
    [InlineData("""{"keys":[{"keyid":"a"}]}""", "needs \"pem\"")]
    [InlineData("""{"keys":[{"keyid":"a","pem":"missing.pem"}]}""", "cannot be read")]
    public void Parse_BadConfiguration_ThrowsNamingTheProblem(string json, string expected)
    {
        var ex = Assert.Throws<TrustConfigurationException>(() => TrustConfiguration.Parse(json, Path.GetTempPath()));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
