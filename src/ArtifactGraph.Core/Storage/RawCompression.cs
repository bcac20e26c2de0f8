using System.IO.Compression;

namespace ArtifactGraph.Core.Storage;

/// <summary>
/// Encodes raw documents for the stores' <c>documents.raw</c> column (SQLite and PostgreSQL alike). SBOM JSON and XML compress roughly tenfold
/// with Brotli; input that does not shrink (already compressed) is kept as is.
/// </summary>
public static class RawCompression
{
    public const string Brotli = "br";
    public const string Identity = "identity";

    // Ingest must sustain ≥100 MB/s on 2 cores, compression included. Measured on the tier S SBOMs
    // (docs/BENCHMARKS.md): quality 1 ≈ 200 MB/s per core at 5.2× smaller; quality 4 ≈ 63 MB/s at 5.7×
    // (too slow for the target on its own); quality 0 ≈ 275 MB/s at 4.3×.
    private const int Quality = 1;
    private const int Window = 22;

    public static (byte[] Encoded, string Encoding) Encode(ReadOnlySpan<byte> raw)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        if (BrotliEncoder.TryCompress(raw, buffer, out var written, Quality, Window) && written < raw.Length)
        {
            return (buffer.AsSpan(0, written).ToArray(), Brotli);
        }

        return (raw.ToArray(), Identity);
    }

    public static byte[] Decode(byte[] encoded, string encoding, long byteSize)
    {
        switch (encoding)
        {
            case Identity:
                return encoded;
            case Brotli:
                var output = new byte[checked((int)byteSize)];
                if (!BrotliDecoder.TryDecompress(encoded, output, out var written) || written != output.Length)
                {
                    throw new InvalidDataException($"Stored document does not decompress to its recorded size of {byteSize} bytes.");
                }

                return output;
            default:
                throw new InvalidDataException($"Unknown raw encoding '{encoding}'.");
        }
    }
}
