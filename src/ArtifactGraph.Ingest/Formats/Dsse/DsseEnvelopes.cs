using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ArtifactGraph.Ingest.Formats.InToto;
using ArtifactGraph.Ingest.Trust;

namespace ArtifactGraph.Ingest.Formats.Dsse;

/// <summary>
/// Reads a DSSE envelope (<c>payloadType</c>, base64 <c>payload</c>, <c>signatures[]</c> of <c>keyid</c>/<c>sig</c>,
/// and the non-standard <c>cert</c> some writers add), checks its signatures, and maps the in-toto
/// Statement inside. Other payload types are rejected: there is nothing here to read them as.
/// </summary>
internal static class DsseEnvelopes
{
    public const string InTotoPayloadType = "application/vnd.in-toto+json";

    public static SignedEnvelope Parse(JsonElement envelope, string pointer, X509Certificate2? certificate = null, IReadOnlyList<X509Certificate2>? chain = null)
    {
        if (envelope.ValueKind != JsonValueKind.Object)
        {
            throw JsonPointers.WrongType(pointer.Length == 0 ? "/" : pointer, "a DSSE envelope object", envelope.ValueKind);
        }

        var payloadType = JsonValues.RequiredString(envelope, "payloadType", pointer);
        var payload = Base64Field.Decode(JsonValues.RequiredString(envelope, "payload", pointer), JsonPointers.Child(pointer, "payload"));
        var signatures = new List<EnvelopeSignature>();
        if (JsonValues.OptionalArray(envelope, "signatures", pointer) is { } list)
        {
            var i = 0;
            foreach (var signature in list.EnumerateArray())
            {
                var at = $"{pointer}/signatures/{i}";
                var sig = Base64Field.Decode(JsonValues.RequiredString(signature, "sig", at), at + "/sig");
                var keyId = JsonValues.OptionalString(signature, "keyid", at);
                var carried = JsonValues.OptionalString(signature, "cert", at) is { Length: > 0 } pem ? Certificate(pem, at + "/cert") : certificate;
                signatures.Add(new EnvelopeSignature(i++, keyId, sig, carried, chain ?? []));
            }
        }

        return new SignedEnvelope(pointer, payloadType, payload, signatures);
    }

    /// <summary>Verifies the envelope against the trust store, records the outcome, and maps its Statement.</summary>
    public static void Map(SignedEnvelope envelope, string where, AttestationDocument document, DateTimeOffset? signedAt = null)
    {
        document.RecordTrust(where, EnvelopeVerifier.Verify(envelope, document.Input.Trust, signedAt));
        document.Property("dsse:payloadType", envelope.PayloadType);
        if (envelope.PayloadType != InTotoPayloadType)
        {
            throw new DocumentRejectedException(envelope.Pointer + "/payloadType", $"payload type '{envelope.PayloadType}' is not an in-toto Statement ({InTotoPayloadType}): nothing here reads it");
        }

        using var statement = ParsePayload(envelope);
        InTotoStatement.Map(statement.RootElement, envelope.Pointer + "/payload(decoded)", document);
    }

    public static X509Certificate2 Certificate(string pemOrBase64, string pointer)
    {
        try
        {
            return pemOrBase64.Contains("-----BEGIN", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(pemOrBase64)
                : X509CertificateLoader.LoadCertificate(Base64Field.Decode(pemOrBase64, pointer));
        }
        catch (CryptographicException ex)
        {
            throw new DocumentRejectedException(pointer, "not an X.509 certificate: " + ex.Message, ex);
        }
    }

    private static JsonDocument ParsePayload(SignedEnvelope envelope)
    {
        try
        {
            return JsonDocument.Parse(envelope.Payload, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw new DocumentRejectedException(envelope.Pointer + "/payload", $"the decoded payload is not JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1})", ex);
        }
    }
}
