using System.Security.Cryptography;

namespace ArtifactGraph.Ingest.Trust;

/// <summary>
/// Decides what a DSSE envelope's signatures establish (graph-schema/ontology.md, "Trust"):
/// a signature that verifies against a configured key → verified with that key id; a signature naming a
/// configured key id that does not verify against it → the document is rejected (altered payload, altered
/// signature or swapped key); a signature by a key nobody configured → unverified, with the reason.
/// A carried certificate whose key does not verify the signature rejects too: the signature fails against
/// the key it names. One verified signature is enough (DSSE's threshold of one).
/// </summary>
internal static class EnvelopeVerifier
{
    public static TrustOutcome Verify(SignedEnvelope envelope, TrustStore trust, DateTimeOffset? signedAt = null)
    {
        if (envelope.Signatures.Count == 0)
        {
            return TrustOutcome.Unverified("the envelope carries no signatures");
        }

        var pae = DssePae.Encode(envelope.PayloadType, envelope.Payload);
        var reasons = new List<string>();
        foreach (var signature in envelope.Signatures)
        {
            var outcome = VerifyOne(envelope.Pointer, signature, trust, pae, signedAt, reasons);
            if (outcome is not null)
            {
                return outcome;
            }
        }

        return TrustOutcome.Unverified(string.Join("; ", reasons));
    }

    private static TrustOutcome? VerifyOne(string pointer, EnvelopeSignature signature, TrustStore trust, byte[] pae, DateTimeOffset? signedAt, List<string> reasons)
    {
        var location = $"{pointer}/signatures/{signature.Index}";
        if (!string.IsNullOrEmpty(signature.KeyId) && trust.Find(signature.KeyId) is { } named)
        {
            if (SafeVerify(named.Key, pae, signature.Signature))
            {
                return new TrustOutcome(true, named.KeyId, $"signature {signature.Index} verifies against trusted key '{named.KeyId}'");
            }

            throw new DocumentRejectedException(location, $"signature {signature.Index} does not verify against the configured key '{named.KeyId}' it names ({named.Key.Algorithm}): the payload or the signature was altered, or the key was swapped");
        }

        foreach (var key in trust.Keys)
        {
            if (SafeVerify(key.Key, pae, signature.Signature))
            {
                return new TrustOutcome(true, key.KeyId, $"signature {signature.Index} verifies against trusted key '{key.KeyId}'");
            }
        }

        if (signature.Certificate is { } certificate)
        {
            var key = PublicKeyMaterial.FromSpki(certificate.PublicKey.ExportSubjectPublicKeyInfo());
            var identity = CertificateChecks.Identity(certificate);
            if (!SafeVerify(key, pae, signature.Signature))
            {
                throw new DocumentRejectedException(location, $"signature {signature.Index} does not verify against the certificate it carries ({identity}): the payload or the signature was altered");
            }

            var (chainOk, chainReason) = CertificateChecks.VerifyChain(certificate, signature.Chain, trust.SigstoreRoots, signedAt);
            if (chainOk)
            {
                return new TrustOutcome(true, identity, $"signature {signature.Index} verifies against the certificate for {identity}; the certificate is {chainReason}");
            }

            reasons.Add($"signature {signature.Index} verifies against its certificate for {identity}; the certificate is {chainReason}");
            return null;
        }

        reasons.Add(string.IsNullOrEmpty(signature.KeyId)
            ? $"signature {signature.Index} names no key id and {(trust.KeyCount == 0 ? "no trusted keys are configured" : "no configured key verifies it")}"
            : $"signature {signature.Index} is by key '{signature.KeyId}', which is not configured{(trust.KeyCount == 0 ? " (no trusted keys are configured)" : " and no configured key verifies it")}");
        return null;
    }

    internal static bool SafeVerify(PublicKeyMaterial key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            return key.Verify(data, signature);
        }
        catch (CryptographicException)
        {
            // A signature of the wrong shape for the key (length, DER) simply does not verify.
            return false;
        }
    }
}
