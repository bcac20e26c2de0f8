using System.Buffers;
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
    // (docs/BENCHMARKS-HISTORY.md): quality 1 ≈ 200 MB/s per core at 5.2× smaller; quality 4 ≈ 63 MB/s at 5.7×
    // (too slow for the target on its own); quality 0 ≈ 275 MB/s at 4.3×.
    private const int Quality = 1;
    private const int Window = 22;

    // Compressed output is collected in blocks of this size, then copied once into an exact-size array.
    private const int BlockSize = 1 << 20;

    // Inputs up to this size (all but the rare very large document) encode into pooled blocks; a larger one's blocks
    // would stay in the pool after it (a 250 MB SBOM's ~50 blocks: ~40 MiB more peak working set, measured).
    private const int PooledInputBytes = 16 << 20;

    /// <summary>
    /// Compresses <paramref name="raw"/> in one streaming pass. A one-shot <c>TryCompress</c> needs an output
    /// buffer of <c>GetMaxCompressedLength</c> (slightly more than the input: 250 MB for a 250 MB SBOM) for a
    /// result that is a fifth of that; blocks hold only what was produced, and encoding stops as soon as the
    /// output is no smaller than the input. The blocks are pooled: a bulk load encodes every document, and fresh
    /// blocks were a quarter of the input in short-lived arrays, most of them on the large object heap, whose
    /// budget set off full collections.
    /// </summary>
    public static (byte[] Encoded, string Encoding) Encode(ReadOnlySpan<byte> raw)
    {
        var pool = raw.Length <= PooledInputBytes ? ArrayPool<byte>.Shared : null;
        var blocks = new List<byte[]>();
        try
        {
            var total = Compress(raw, blocks, pool);
            return total < 0 ? (raw.ToArray(), Identity) : (Join(blocks, total), Brotli);
        }
        finally
        {
            foreach (var block in blocks)
            {
                pool?.Return(block);
            }
        }
    }

    /// <summary>The compressed length, filling <paramref name="blocks"/> (rented from <paramref name="pool"/> if any), or -1 once it is no smaller than the input.</summary>
    private static long Compress(ReadOnlySpan<byte> raw, List<byte[]> blocks, ArrayPool<byte>? pool)
    {
        using var encoder = new BrotliEncoder(Quality, Window);
        var block = Array.Empty<byte>();
        var used = 0;
        long total = 0;
        var source = raw;
        while (true)
        {
            if (used == block.Length)
            {
                var size = (int)Math.Min(BlockSize, Math.Max(64, raw.Length / 4));
                block = pool?.Rent(size) ?? new byte[size];
                blocks.Add(block);
                used = 0;
            }

            var status = encoder.Compress(source, block.AsSpan(used), out var consumed, out var written, isFinalBlock: true);
            source = source[consumed..];
            used += written;
            total += written;
            if (total >= raw.Length)
            {
                return -1;
            }

            if (status == OperationStatus.Done)
            {
                return total;
            }

            if (status is not (OperationStatus.DestinationTooSmall or OperationStatus.NeedMoreData))
            {
                throw new InvalidOperationException($"Brotli compression failed: {status}.");
            }
        }
    }

    /// <summary>The blocks' first <paramref name="total"/> bytes in one exact-size array (a rented block may be longer than asked).</summary>
    private static byte[] Join(List<byte[]> blocks, long total)
    {
        var encoded = new byte[total];
        var offset = 0;
        foreach (var filled in blocks)
        {
            var length = (int)Math.Min(filled.Length, total - offset);
            filled.AsSpan(0, length).CopyTo(encoded.AsSpan(offset));
            offset += length;
        }

        return encoded;
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
