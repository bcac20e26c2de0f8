using System.Formats.Asn1;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace ArtifactGraph.Ingest.Trust;

/// <summary>
/// A public key read from a SubjectPublicKeyInfo (PEM <c>PUBLIC KEY</c> or a certificate's): ECDSA
/// P-256/P-384/P-521, RSA, or Ed25519 (through NSec, since .NET has no Ed25519).
/// </summary>
internal sealed class PublicKeyMaterial
{
    private const string EcOid = "1.2.840.10045.2.1";
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string Ed25519Oid = "1.3.101.112";

    private readonly byte[] _spki;

    private PublicKeyMaterial(string algorithm, byte[] spki)
    {
        Algorithm = algorithm;
        _spki = spki;
    }

    /// <summary><c>ecdsa</c>, <c>rsa</c> or <c>ed25519</c>.</summary>
    public string Algorithm { get; }

    public static PublicKeyMaterial FromPem(string pem)
    {
        var fields = PemEncoding.Find(pem);
        var label = pem[fields.Label];
        if (label != "PUBLIC KEY")
        {
            throw new FormatException($"expected a PEM 'PUBLIC KEY', found '{label}'");
        }

        return FromSpki(Convert.FromBase64String(pem[fields.Base64Data]));
    }

    public static PublicKeyMaterial FromSpki(byte[] spki)
    {
        var reader = new AsnReader(spki, AsnEncodingRules.DER);
        var sequence = reader.ReadSequence();
        var algorithm = sequence.ReadSequence();
        var oid = algorithm.ReadObjectIdentifier();
        return oid switch
        {
            EcOid => new PublicKeyMaterial("ecdsa", spki),
            RsaOid => new PublicKeyMaterial("rsa", spki),
            Ed25519Oid => new PublicKeyMaterial("ed25519", spki),
            _ => throw new FormatException($"unsupported public key algorithm {oid}"),
        };
    }

    /// <summary>Verifies a signature over <paramref name="data"/>, trying the encodings and hashes the algorithm allows.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        switch (Algorithm)
        {
            case "ecdsa":
                {
                    using var ec = ECDsa.Create();
                    ec.ImportSubjectPublicKeyInfo(_spki, out _);
                    var hash = ec.KeySize switch { <= 256 => HashAlgorithmName.SHA256, <= 384 => HashAlgorithmName.SHA384, _ => HashAlgorithmName.SHA512 };
                    return ec.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence)
                        || ec.VerifyData(data, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                }

            case "rsa":
                {
                    using var rsa = RSA.Create();
                    rsa.ImportSubjectPublicKeyInfo(_spki, out _);
                    foreach (var hash in new[] { HashAlgorithmName.SHA256, HashAlgorithmName.SHA384, HashAlgorithmName.SHA512 })
                    {
                        if (rsa.VerifyData(data, signature, hash, RSASignaturePadding.Pkcs1) || rsa.VerifyData(data, signature, hash, RSASignaturePadding.Pss))
                        {
                            return true;
                        }
                    }

                    return false;
                }

            default:
                {
                    var key = NSec.Cryptography.PublicKey.Import(SignatureAlgorithm.Ed25519, _spki, KeyBlobFormat.PkixPublicKey);
                    return SignatureAlgorithm.Ed25519.Verify(key, data, signature);
                }
        }
    }

    /// <summary>
    /// Verifies a signature over a message known only by its SHA-256 digest (Sigstore messageSignature).
    /// Null when the algorithm cannot verify a digest alone (Ed25519 signs the whole message).
    /// </summary>
    public bool? VerifyDigest(ReadOnlySpan<byte> sha256, ReadOnlySpan<byte> signature)
    {
        switch (Algorithm)
        {
            case "ecdsa":
                {
                    using var ec = ECDsa.Create();
                    ec.ImportSubjectPublicKeyInfo(_spki, out _);
                    return ec.VerifyHash(sha256, signature, DSASignatureFormat.Rfc3279DerSequence)
                        || ec.VerifyHash(sha256, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                }

            case "rsa":
                {
                    using var rsa = RSA.Create();
                    rsa.ImportSubjectPublicKeyInfo(_spki, out _);
                    return rsa.VerifyHash(sha256, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                        || rsa.VerifyHash(sha256, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
                }

            default:
                return null;
        }
    }
}
