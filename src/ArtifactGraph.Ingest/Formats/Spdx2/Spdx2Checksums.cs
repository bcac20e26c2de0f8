using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>SPDX checksums (SHA1, SHA256, SHA512, MD5, SHA3-256, BLAKE2b-256 ...) as canonical digests.</summary>
internal static class Spdx2Checksums
{
    /// <summary>The canonical digest, or null (with a warning) when the checksum is not one.</summary>
    public static string? TryDigest(Spdx2Checksum checksum, IngestBatchBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(checksum.Algorithm) || string.IsNullOrWhiteSpace(checksum.Value))
        {
            builder.Warn(checksum.Location, "checksum needs both an algorithm and a value; skipped");
            return null;
        }

        if (!Digest.TryCreate(checksum.Algorithm, checksum.Value, out var digest, out var error))
        {
            builder.Warn(checksum.Location, $"checksum skipped: {error}");
            return null;
        }

        return digest.ToString();
    }
}
