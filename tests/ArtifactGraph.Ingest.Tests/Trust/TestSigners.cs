using System.Security.Cryptography;
using NSec.Cryptography;

namespace ArtifactGraph.Ingest.Tests.Trust;

/// <summary>A key generated in the test: signs bytes, exports its public key as PEM.</summary>
internal abstract class TestSigner
{
    public abstract string Name { get; }

    public abstract string PublicPem { get; }

    public abstract byte[] Sign(byte[] data);

    /// <summary>Every algorithm and encoding the verifier claims to support.</summary>
    public static TheoryData<string> All => new() { "ecdsa-p256-der", "ecdsa-p256-p1363", "ecdsa-p384-der", "rsa-pkcs1-sha256", "rsa-pss-sha256", "rsa-pkcs1-sha512", "ed25519" };

    public static TestSigner Create(string name) => name switch
    {
        "ecdsa-p256-der" => new Ecdsa(name, ECCurve.NamedCurves.nistP256, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
        "ecdsa-p256-p1363" => new Ecdsa(name, ECCurve.NamedCurves.nistP256, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        "ecdsa-p384-der" => new Ecdsa(name, ECCurve.NamedCurves.nistP384, HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence),
        "rsa-pkcs1-sha256" => new Rsa(name, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        "rsa-pss-sha256" => new Rsa(name, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        "rsa-pkcs1-sha512" => new Rsa(name, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
        "ed25519" => new Ed25519(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private sealed class Ecdsa(string name, ECCurve curve, HashAlgorithmName hash, DSASignatureFormat format) : TestSigner
    {
        private readonly ECDsa _key = ECDsa.Create(curve);

        public override string Name => name;

        public override string PublicPem => _key.ExportSubjectPublicKeyInfoPem();

        public override byte[] Sign(byte[] data) => _key.SignData(data, hash, format);
    }

    private sealed class Rsa(string name, HashAlgorithmName hash, RSASignaturePadding padding) : TestSigner
    {
        private readonly RSA _key = RSA.Create(2048);

        public override string Name => name;

        public override string PublicPem => _key.ExportSubjectPublicKeyInfoPem();

        public override byte[] Sign(byte[] data) => _key.SignData(data, hash, padding);
    }

    private sealed class Ed25519 : TestSigner
    {
        private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

        public override string Name => "ed25519";

        public override string PublicPem => System.Text.Encoding.ASCII.GetString(_key.Export(KeyBlobFormat.PkixPublicKeyText));

        public override byte[] Sign(byte[] data) => SignatureAlgorithm.Ed25519.Sign(_key, data);
    }
}
