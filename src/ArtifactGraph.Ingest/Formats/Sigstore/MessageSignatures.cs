using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Ingest.Formats.Dsse;
using ArtifactGraph.Ingest.Formats.InToto;
using ArtifactGraph.Ingest.Trust;

namespace ArtifactGraph.Ingest.Formats.Sigstore;

/// <summary>
/// A Sigstore message signature: a signature over an artifact known here only by its digest. The artifact
/// becomes an Artifact node (the document's subject); the signature is checked against the digest
/// (ECDSA and RSA can verify a digest alone; Ed25519 cannot, and says so).
/// </summary>
internal static class MessageSignatures
{
    public static void Map(JsonElement message, string pointer, string where, X509Certificate2? certificate, IReadOnlyList<X509Certificate2> chain, string? keyHint, DateTimeOffset? signedAt, AttestationDocument document)
    {
        var digestPointer = JsonPointers.Child(pointer, "messageDigest");
        var digestObject = JsonValues.OptionalObject(message, "messageDigest", pointer)
            ?? throw new DocumentRejectedException(digestPointer, "a message signature needs messageDigest");
        var algorithm = JsonValues.RequiredString(digestObject, "algorithm", digestPointer);
        var bytes = Base64Field.Decode(JsonValues.RequiredString(digestObject, "digest", digestPointer), digestPointer + "/digest");
        var canonical = algorithm.Replace("SHA2_", "sha", StringComparison.OrdinalIgnoreCase).Replace("SHA3_", "sha3-", StringComparison.OrdinalIgnoreCase);
        if (!Digest.TryCreate(canonical, Convert.ToHexStringLower(bytes), out var digest, out var error))
        {
            throw new DocumentRejectedException(digestPointer, $"message digest is not usable: {error}");
        }

        var signature = Base64Field.Decode(JsonValues.RequiredString(message, "signature", pointer), pointer + "/signature");
        var subject = document.Builder.AddNode(new NodeRef(NodeKind.Artifact, digest.ToString()));
        document.Subject ??= subject;
        document.Property("sigstore:content", "messageSignature");
        document.RecordTrust(where, Verify(digest, signature, pointer, certificate, chain, keyHint, signedAt, document.Input.Trust));
    }

    private static TrustOutcome Verify(Digest digest, byte[] signature, string pointer, X509Certificate2? certificate, IReadOnlyList<X509Certificate2> chain, string? keyHint, DateTimeOffset? signedAt, TrustStore trust)
    {
        if (digest.Algorithm != "sha256")
        {
            return TrustOutcome.Unverified($"not verified: message digests are checked for sha256 only, this one is {digest.Algorithm}");
        }

        var hash = Convert.FromHexString(digest.Hex);
        if (keyHint is not null && trust.Find(keyHint) is { } named)
        {
            return named.Key.VerifyDigest(hash, signature) switch
            {
                true => new TrustOutcome(true, named.KeyId, $"message signature verifies against trusted key '{named.KeyId}'"),
                false => throw new DocumentRejectedException(pointer + "/signature", $"the message signature does not verify against the configured key '{named.KeyId}' it names"),
                null => TrustOutcome.Unverified($"not verified: key '{named.KeyId}' is {named.Key.Algorithm}, which cannot verify a signature from a digest alone"),
            };
        }

        if (certificate is null)
        {
            return TrustOutcome.Unverified(keyHint is null ? "not verified: no key or certificate to check against" : $"not verified: key '{keyHint}' is not configured");
        }

        var key = PublicKeyMaterial.FromSpki(certificate.PublicKey.ExportSubjectPublicKeyInfo());
        var identity = CertificateChecks.Identity(certificate);
        switch (key.VerifyDigest(hash, signature))
        {
            case false:
                throw new DocumentRejectedException(pointer + "/signature", $"the message signature does not verify against the certificate it carries ({identity})");
            case null:
                return TrustOutcome.Unverified($"not verified: the certificate's {key.Algorithm} key cannot verify a signature from a digest alone");
        }

        var (ok, reason) = CertificateChecks.VerifyChain(certificate, chain, trust.SigstoreRoots, signedAt);
        return ok
            ? new TrustOutcome(true, identity, $"message signature verifies against the certificate for {identity}; the certificate is {reason}")
            : TrustOutcome.Unverified($"message signature verifies against its certificate for {identity}; the certificate is {reason}");
    }
}
