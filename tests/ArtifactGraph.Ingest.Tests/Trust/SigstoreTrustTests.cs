using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using ArtifactGraph.Ingest.Tests.Formats.Attestations;
using ArtifactGraph.Ingest.Trust;

namespace ArtifactGraph.Ingest.Tests.Trust;

/// <summary>
/// Sigstore bundles signed with a certificate issued in the test by a CA made in the test: the chain is
/// checked offline against configured roots only.
/// </summary>
public sealed class SigstoreTrustTests : IDisposable
{
    private const string Identity = "https://github.com/example/app/.github/workflows/release.yml@refs/tags/v1";
    private static readonly DateTimeOffset IssuedAt = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly ECDsa _leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 _ca;
    private readonly X509Certificate2 _leaf;

    public SigstoreTrustTests()
    {
        _ca = CreateCa(_caKey, "CN=test-fulcio-root");
        var request = new CertificateRequest(string.Empty, _leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddUri(new Uri(Identity));
        request.CertificateExtensions.Add(san.Build(critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        _leaf = request.Create(_ca, IssuedAt, IssuedAt.AddMinutes(10), [1, 2, 3, 4]);
    }

    public void Dispose()
    {
        _ca.Dispose();
        _leaf.Dispose();
        _caKey.Dispose();
        _leafKey.Dispose();
    }

    [Fact]
    public void Read_NoRootsConfigured_UnverifiedSaysNoTrustRoot()
    {
        var (reader, batch) = AttestationTestInput.Read(Bundle(Payload()));

        Assert.Equal("Sigstore-bundle", reader.Format);
        Assert.Equal("false", AttestationTestInput.Property(batch, "trust:verified"));
        Assert.Contains("not verified: no Sigstore trust root configured", AttestationTestInput.Property(batch, "trust:reason"), StringComparison.Ordinal);
        Assert.Equal(Identity, AttestationTestInput.Property(batch, "sigstore:certificate:identity"));
    }

    [Fact]
    public void Read_ChainLeadsToConfiguredRoot_VerifiedWithCertificateIdentity()
    {
        var (_, batch) = AttestationTestInput.Read(Bundle(Payload()), Roots(_ca));

        Assert.Equal("true", AttestationTestInput.Property(batch, "trust:verified"));
        Assert.Equal(Identity, AttestationTestInput.Property(batch, "trust:keyid"));
        Assert.Contains("integrated time", AttestationTestInput.Property(batch, "trust:reason"), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OtherRootConfigured_UnverifiedChain()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = CreateCa(otherKey, "CN=someone-else");

        var (_, batch) = AttestationTestInput.Read(Bundle(Payload()), Roots(other));

        Assert.Equal("false", AttestationTestInput.Property(batch, "trust:verified"));
        Assert.Contains("does not lead to a configured Sigstore root", AttestationTestInput.Property(batch, "trust:reason"), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PayloadChangedAfterSigning_RejectedAgainstCarriedCertificate()
    {
        var signed = Payload();
        var tampered = Encoding.UTF8.GetBytes(SignedFixtures.Statement("https://evil.example/builder"));

        var ex = Assert.Throws<DocumentRejectedException>(() => AttestationTestInput.Read(Bundle(signed, tampered), Roots(_ca)));

        Assert.Equal("/dsseEnvelope/signatures/0", ex.Location);
        Assert.Contains("does not verify against the certificate it carries", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MessageSignature_ArtifactIsSubjectAndSignatureChecked()
    {
        var artifact = "release tarball"u8.ToArray();
        var digest = SHA256.HashData(artifact);
        var bundle = JsonSerializer.SerializeToUtf8Bytes(new
        {
            mediaType = "application/vnd.dev.sigstore.bundle+json;version=0.1",
            verificationMaterial = new
            {
                x509CertificateChain = new { certificates = new[] { new { rawBytes = Convert.ToBase64String(_leaf.RawData) } } },
                tlogEntries = new[] { new { logIndex = "7", integratedTime = IssuedAt.AddMinutes(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) } },
            },
            messageSignature = new
            {
                messageDigest = new { algorithm = "SHA2_256", digest = Convert.ToBase64String(digest) },
                signature = Convert.ToBase64String(_leafKey.SignHash(digest, DSASignatureFormat.Rfc3279DerSequence)),
            },
        });

        var (_, batch) = AttestationTestInput.Read(bundle, Roots(_ca));

        Assert.Equal("Artifact:sha256:" + Convert.ToHexStringLower(digest), batch.Document.Subject.ToString());
        Assert.Equal("true", AttestationTestInput.Property(batch, "trust:verified"));
    }

    [Fact]
    public void Read_PublicKeyHintNamesConfiguredKey_VerifiedUnderThatKeyId()
    {
        var signer = TestSigner.Create("ecdsa-p384-der");
        var payload = Payload();
        var bundle = JsonSerializer.SerializeToUtf8Bytes(new
        {
            mediaType = "application/vnd.dev.sigstore.bundle+json;version=0.2",
            verificationMaterial = new { publicKey = new { hint = "team-key" } },
            dsseEnvelope = new
            {
                payload = Convert.ToBase64String(payload),
                payloadType = "application/vnd.in-toto+json",
                signatures = new[] { new { sig = Convert.ToBase64String(signer.Sign(DssePae.Encode("application/vnd.in-toto+json", payload))) } },
            },
        });

        var (_, batch) = AttestationTestInput.Read(bundle, SignedFixtures.Trusting(("team-key", signer)));

        Assert.Equal("true", AttestationTestInput.Property(batch, "trust:verified"));
        Assert.Equal("team-key", AttestationTestInput.Property(batch, "trust:keyid"));
        Assert.Equal("team-key", AttestationTestInput.Property(batch, "sigstore:publicKeyHint"));
    }

    private static X509Certificate2 CreateCa(ECDsa key, string name)
    {
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA384);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(IssuedAt.AddYears(-1), IssuedAt.AddYears(5));
    }

    private static byte[] Payload() => Encoding.UTF8.GetBytes(SignedFixtures.Statement());

    private static TrustStore Roots(X509Certificate2 root) =>
        TrustConfiguration.Parse(JsonSerializer.Serialize(new { sigstoreRoots = new[] { root.ExportCertificatePem() } }), Path.GetTempPath());

    private byte[] Bundle(byte[] signedPayload, byte[]? carriedPayload = null)
    {
        var signature = _leafKey.SignData(DssePae.Encode("application/vnd.in-toto+json", signedPayload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            mediaType = "application/vnd.dev.sigstore.bundle.v0.3+json",
            verificationMaterial = new
            {
                certificate = new { rawBytes = Convert.ToBase64String(_leaf.RawData) },
                tlogEntries = new[] { new { logIndex = "42", integratedTime = IssuedAt.AddMinutes(2).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), kindVersion = new { kind = "dsse", version = "0.0.1" } } },
            },
            dsseEnvelope = new
            {
                payload = Convert.ToBase64String(carriedPayload ?? signedPayload),
                payloadType = "application/vnd.in-toto+json",
                signatures = new[] { new { sig = Convert.ToBase64String(signature) } },
            },
        });
    }
}
