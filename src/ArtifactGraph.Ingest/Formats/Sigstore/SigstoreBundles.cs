using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArtifactGraph.Ingest.Formats.Dsse;
using ArtifactGraph.Ingest.Formats.InToto;

namespace ArtifactGraph.Ingest.Formats.Sigstore;

/// <summary>
/// Maps a Sigstore bundle (v0.1, v0.2, v0.3: <c>application/vnd.dev.sigstore.bundle…</c>): its verification
/// material (public key hint, certificate chain or single certificate), transparency-log entries (kept as
/// <c>sigstore:tlog:*</c> properties, not verified: that needs the log's key and checkpoint, i.e. a trust
/// root this tool does not ship), and its content — a DSSE envelope (statement mapped) or a message
/// signature over an artifact digest (the artifact becomes the subject).
/// </summary>
internal static partial class SigstoreBundles
{
    public const string MediaTypePrefix = "application/vnd.dev.sigstore.bundle";

    public static void Map(JsonElement bundle, string pointer, string where, AttestationDocument document)
    {
        if (bundle.ValueKind != JsonValueKind.Object)
        {
            throw JsonPointers.WrongType(pointer.Length == 0 ? "/" : pointer, "a Sigstore bundle object", bundle.ValueKind);
        }

        var mediaType = JsonValues.RequiredString(bundle, "mediaType", pointer);
        var version = VersionOf(mediaType)
            ?? throw new DocumentRejectedException(JsonPointers.Child(pointer, "mediaType"), $"'{mediaType}' is not a Sigstore bundle media type ({MediaTypePrefix}+json;version=0.1|0.2, {MediaTypePrefix}.v0.3+json)");
        document.Property("sigstore:mediaType", mediaType);
        document.Property("sigstore:version", version);

        var materialPointer = JsonPointers.Child(pointer, "verificationMaterial");
        var material = JsonValues.OptionalObject(bundle, "verificationMaterial", pointer)
            ?? throw new DocumentRejectedException(materialPointer, "a Sigstore bundle needs verificationMaterial");
        var (certificate, chain, keyHint) = ReadMaterial(material, materialPointer, document);
        var signedAt = ReadTlog(material, materialPointer, document);

        if (JsonValues.OptionalObject(bundle, "dsseEnvelope", pointer) is { } envelope)
        {
            var parsed = DsseEnvelopes.Parse(envelope, JsonPointers.Child(pointer, "dsseEnvelope"), certificate, chain);
            if (keyHint is not null)
            {
                parsed = parsed with { Signatures = parsed.Signatures.Select(s => string.IsNullOrEmpty(s.KeyId) ? s with { KeyId = keyHint } : s).ToList() };
            }

            DsseEnvelopes.Map(parsed, where, document, signedAt);
        }
        else if (JsonValues.OptionalObject(bundle, "messageSignature", pointer) is { } message)
        {
            MessageSignatures.Map(message, JsonPointers.Child(pointer, "messageSignature"), where, certificate, chain, keyHint, signedAt, document);
        }
        else
        {
            throw new DocumentRejectedException(pointer.Length == 0 ? "/" : pointer, "a Sigstore bundle needs dsseEnvelope or messageSignature content");
        }
    }

    /// <summary>0.1, 0.2, 0.3 (and later minor versions) from either media-type spelling; null when it is not a bundle type.</summary>
    public static string? VersionOf(string mediaType)
    {
        if (!mediaType.StartsWith(MediaTypePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var match = VersionPattern().Match(mediaType);
        return match.Success ? match.Groups["v"].Value : null;
    }

    private static (X509Certificate2? Certificate, List<X509Certificate2> Chain, string? KeyHint) ReadMaterial(JsonElement material, string pointer, AttestationDocument document)
    {
        var chain = new List<X509Certificate2>();
        if (JsonValues.OptionalObject(material, "x509CertificateChain", pointer) is { } chainObject)
        {
            var at = JsonPointers.Child(pointer, "x509CertificateChain");
            var i = 0;
            var certificates = JsonValues.OptionalArray(chainObject, "certificates", at)
                ?? throw new DocumentRejectedException(at, "x509CertificateChain needs certificates");
            foreach (var entry in certificates.EnumerateArray())
            {
                var certAt = $"{at}/certificates/{i++}";
                chain.Add(DsseEnvelopes.Certificate(JsonValues.RequiredString(entry, "rawBytes", certAt), certAt + "/rawBytes"));
            }
        }

        if (JsonValues.OptionalObject(material, "certificate", pointer) is { } single)
        {
            var at = JsonPointers.Child(pointer, "certificate");
            chain.Insert(0, DsseEnvelopes.Certificate(JsonValues.RequiredString(single, "rawBytes", at), at + "/rawBytes"));
        }

        var hint = JsonValues.OptionalObject(material, "publicKey", pointer) is { } key
            ? JsonValues.OptionalString(key, "hint", JsonPointers.Child(pointer, "publicKey"))
            : null;
        document.Property("sigstore:publicKeyHint", hint);
        var leaf = chain.Count > 0 ? chain[0] : null;
        if (leaf is not null)
        {
            document.Property("sigstore:certificate:identity", Trust.CertificateChecks.Identity(leaf));
            document.Property("sigstore:certificate:issuer", leaf.Issuer);
        }

        if (leaf is null && hint is null)
        {
            throw new DocumentRejectedException(pointer, "verificationMaterial has no certificate, certificate chain or public key");
        }

        return (leaf, chain.Skip(1).ToList(), string.IsNullOrEmpty(hint) ? null : hint);
    }

    /// <summary>Keeps the first log entry's facts; returns its integrated time (the time the certificate must have been valid).</summary>
    private static DateTimeOffset? ReadTlog(JsonElement material, string pointer, AttestationDocument document)
    {
        if (JsonValues.OptionalArray(material, "tlogEntries", pointer) is not { } entries || entries.GetArrayLength() == 0)
        {
            return null;
        }

        var entry = entries[0];
        var at = JsonPointers.Child(pointer, "tlogEntries") + "/0";
        document.Property("sigstore:tlog:entries", entries.GetArrayLength().ToString(CultureInfo.InvariantCulture));
        document.Property("sigstore:tlog:logIndex", Scalar(entry, "logIndex"));
        if (JsonValues.OptionalObject(entry, "logId", at) is { } logId)
        {
            document.Property("sigstore:tlog:logId", JsonValues.OptionalString(logId, "keyId", at + "/logId"));
        }

        if (JsonValues.OptionalObject(entry, "kindVersion", at) is { } kind)
        {
            document.Property("sigstore:tlog:kind", $"{JsonValues.OptionalString(kind, "kind", at)} {JsonValues.OptionalString(kind, "version", at)}".Trim());
        }

        document.Property("sigstore:tlog:inclusionProof", entry.TryGetProperty("inclusionProof", out _) ? "present (not verified)" : null);
        document.Property("sigstore:tlog:inclusionPromise", entry.TryGetProperty("inclusionPromise", out _) ? "present (not verified)" : null);
        if (Scalar(entry, "integratedTime") is { } seconds && long.TryParse(seconds, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix) && unix > 0)
        {
            var time = DateTimeOffset.FromUnixTimeSeconds(unix);
            document.Property("sigstore:tlog:integratedTime", time.ToString("O", CultureInfo.InvariantCulture));
            return time;
        }

        return null;
    }

    private static string? Scalar(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())
            : null;

    [GeneratedRegex(@"(?:version=|\.v)(?<v>\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex VersionPattern();
}
