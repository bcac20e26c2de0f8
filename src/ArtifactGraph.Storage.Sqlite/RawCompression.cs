using System.IO.Compression;

namespace ArtifactGraph.Storage.Sqlite;

/// <summary>
/// Encodes raw documents for the <c>documents.raw</c> column. SBOM JSON and XML compress roughly tenfold
/// with Brotli; input that does not shrink (already compressed) is kept as is.
/// </summary>
internal static class RawCompression
{
    public const string Brotli = "br";
    public const string Identity = "identity";

    // Quality 4 is close to gzip's best ratio at several times its speed; ingest must sustain ≥100 MB/s.
    private const int Quality = 4;
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
