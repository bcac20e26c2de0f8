using System.Text.Json;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx3;

/// <summary>
/// <c>verifiedUsing[]</c> Hash entries → digests (<see cref="Digest"/> reads SPDX 3's <c>sha256</c>,
/// <c>sha3_256</c>, <c>blake2b256</c> spellings). A PackageVerificationCode is not a content digest and is
/// returned separately; a hash that is not a digest is a warning.
/// </summary>
internal static class Spdx3Hashes
{
    public static (List<Digest> Digests, string? VerificationCode) Read(Spdx3Element element, Spdx3Context context, IngestBatchBuilder builder)
    {
        var digests = new List<Digest>();
        string? verificationCode = null;
        foreach (var (value, pointer) in element.Values("verifiedUsing"))
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new DocumentRejectedException(pointer, "a verifiedUsing entry must be an object");
            }

            var type = Text(value, "type", "@type") is { } t ? context.Normalize(t) : null;
            var algorithm = Text(value, "algorithm") is { } a ? context.Normalize(a) : null;
            var hex = Text(value, "hashValue");
            if (type == "PackageVerificationCode")
            {
                verificationCode = hex;
                continue;
            }

            if (algorithm is null || hex is null)
            {
                builder.Warn(pointer, "hash needs both 'algorithm' and 'hashValue'; skipped");
                continue;
            }

            if (Digest.TryCreate(algorithm, hex.Trim(), out var digest, out var error))
            {
                digests.Add(digest);
            }
            else
            {
                builder.Warn(pointer, $"hash skipped: {error}");
            }
        }

        return (digests, verificationCode);
    }

    /// <summary>The digest a file is known by: SHA-256 when present, else the strongest other one listed.</summary>
    public static Digest? Preferred(IReadOnlyList<Digest> digests)
    {
        string[] order = ["sha256", "sha512", "sha384", "sha3-256", "sha3-512", "sha3-384", "blake2b-256", "blake2b-512", "blake2b-384", "blake3", "sha224", "sha1", "md5"];
        foreach (var algorithm in order)
        {
            if (digests.FirstOrDefault(d => d.Algorithm == algorithm) is { Hex.Length: > 0 } match)
            {
                return match;
            }
        }

        return digests.Count > 0 ? digests[0] : null;
    }

    public static string? Text(JsonElement obj, params string[] names)
    {
        foreach (var name in names)
        {
            if (obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }
}
