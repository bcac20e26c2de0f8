using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>SPDX checksums (SHA1, SHA256, SHA512, MD5, SHA3-256, BLAKE2b-256 ...) as canonical digests.</summary>
internal static class Spdx2Checksums
{
    /// <summary>The canonical digest, or null (with a warning) when the checksum is not one.</summary>
    public static string? TryDigest(Spdx2Checksum checksum, IngestBatchBuilder builder) =>
        TryCreate(checksum, builder, out var digest) ? digest.ToString() : null;

    /// <summary>The digest itself, for callers that look at its algorithm (no format-then-parse round trip).</summary>
    public static bool TryCreate(Spdx2Checksum checksum, IngestBatchBuilder builder, out Digest digest)
    {
        digest = default;
        if (string.IsNullOrWhiteSpace(checksum.Algorithm) || string.IsNullOrWhiteSpace(checksum.Value))
        {
            builder.Warn(checksum.Location, "checksum needs both an algorithm and a value; skipped");
            return false;
        }

        if (!Digest.TryCreate(checksum.Algorithm, checksum.Value, out digest, out var error))
        {
            builder.Warn(checksum.Location, $"checksum skipped: {error}");
            return false;
        }

        return true;
    }
}
