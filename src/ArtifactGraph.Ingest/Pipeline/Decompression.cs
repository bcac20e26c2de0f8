using System.IO.Compression;
using ICSharpCode.SharpZipLib.BZip2;
using ZstdSharp;

namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// Recognises gzip, bzip2 and zstd by their magic bytes (never by file name) and expands them with a
/// hard bound on the expanded size.
/// </summary>
internal static class Decompression
{
    public static string? Detect(ReadOnlySpan<byte> head) => head switch
    {
        [0x1f, 0x8b, ..] => "gzip",
        [(byte)'B', (byte)'Z', (byte)'h', ..] => "bzip2",
        [0x28, 0xb5, 0x2f, 0xfd, ..] => "zstd",
        _ => null,
    };

    /// <summary>Returns the content expanded, or as is when it is not compressed.</summary>
    public static byte[] Expand(byte[] content, long maxBytes, out string? encoding)
    {
        encoding = Detect(content);
        if (encoding is null)
        {
            return content;
        }

        using var input = new MemoryStream(content, writable: false);
        using Stream decoder = encoding switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "bzip2" => new BZip2InputStream(input),
            _ => new DecompressionStream(input),
        };
        var output = new ExpansionBuffer(encoding == "gzip" ? GzipSizeHint(content, maxBytes) : 0);
        try
        {
            int read;
            while ((read = decoder.Read(output.Free())) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new DocumentRejectedException("byte 0", $"{encoding} content expands beyond the limit of {maxBytes:N0} bytes");
                }

                output.Advance(read);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ZstdException or ICSharpCode.SharpZipLib.SharpZipBaseException)
        {
            throw new DocumentRejectedException($"{encoding} stream, after {output.Length:N0} expanded bytes", $"corrupt or truncated {encoding} data: {ex.Message}");
        }

        if (encoding == "gzip" && !TrailerMatches(content, output.Length))
        {
            throw new DocumentRejectedException($"gzip stream, after {output.Length:N0} expanded bytes", "truncated gzip data: the expanded size does not match the gzip trailer");
        }

        return output.ToArray();
    }

    /// <summary>
    /// The expanded size a gzip trailer records (ISIZE), to size the output once; bounded by the limit and
    /// by deflate's best ratio (~1032:1), so a corrupt trailer cannot ask for more than the input could fill.
    /// </summary>
    private static long GzipSizeHint(byte[] content, long maxBytes) =>
        content.Length < 18 ? 0 : Math.Min(BitConverter.ToUInt32(content, content.Length - 4), Math.Min(maxBytes, content.Length * 1032L));

    /// <summary>
    /// .NET's GZipStream ends quietly at a truncated stream; the trailer's ISIZE (expanded length mod 2^32)
    /// catches it. A multi-member gzip only records its last member, so it is checked leniently.
    /// </summary>
    private static bool TrailerMatches(byte[] content, long expandedLength)
    {
        if (content.Length < 18)
        {
            return false;
        }

        var isize = BitConverter.ToUInt32(content, content.Length - 4);
        return isize == (uint)expandedLength || isize < (uint)expandedLength;
    }
}
