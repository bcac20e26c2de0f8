using System.IO.Compression;
using System.Text;
using ArtifactGraph.Ingest.Pipeline;

namespace ArtifactGraph.Ingest.Tests.Pipeline;

public class DecompressionTests
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes("{\"bomFormat\":\"CycloneDX\"}");

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    [Fact]
    public void Expand_PlainContent_ReturnsItUnchanged()
    {
        var result = Decompression.Expand(Json, 1000, out var encoding);

        Assert.Null(encoding);
        Assert.Same(Json, result);
    }

    [Fact]
    public void Expand_Gzip_RecognisedByMagicBytes()
    {
        var result = Decompression.Expand(Gzip(Json), 1000, out var encoding);

        Assert.Equal("gzip", encoding);
        Assert.Equal(Json, result);
    }

    [Fact]
    public void Expand_GzipOfSeveralBlocks_ReturnsTheExactBytes()
    {
        // 3 MB: the trailer's size sizes the output once; the result must be exactly the input, not a padded block.
        var random = new Random(3);
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 300_000).Select(_ => random.Next(1_000_000_000).ToString("D10"))));

        var result = Decompression.Expand(Gzip(data), 10_000_000, out _);

        Assert.Equal(data, result);
    }

    [Fact]
    public void Expand_MultiMemberGzip_ReturnsEveryMember()
    {
        // The trailer records only the last member's size: the hint is too small and the rest goes to blocks.
        var first = Encoding.ASCII.GetBytes(new string('a', 2_500_000));
        var second = Encoding.ASCII.GetBytes("{\"tail\":true}");

        var result = Decompression.Expand([.. Gzip(first), .. Gzip(second)], 10_000_000, out _);

        Assert.Equal([.. first, .. second], result);
    }

    [Fact]
    public void Expand_OverLimit_RejectsAsBomb()
    {
        var big = Gzip(new byte[1_000_000]);

        var ex = Assert.Throws<DocumentRejectedException>(() => Decompression.Expand(big, 10_000, out _));

        Assert.Contains("limit", ex.Reason);
    }

    [Fact]
    public void Expand_TruncatedGzip_RejectsWithReason()
    {
        var truncated = Gzip(Encoding.UTF8.GetBytes(new string('x', 10_000)))[..20];

        var ex = Assert.Throws<DocumentRejectedException>(() => Decompression.Expand(truncated, 1_000_000, out _));

        Assert.Contains("gzip", ex.Reason);
    }

    [Theory]
    [InlineData("busybox-cyclonedx.json.bz2", "bzip2")]
    [InlineData("busybox-cyclonedx.json.zst", "zstd")]
    public void Expand_CorpusCompressedSbom_MatchesPlainFile(string file, string expected)
    {
        var plain = File.ReadAllBytes(TestSupport.Corpus.PathOf("guac", "exampledata", "busybox-cyclonedx.json"));

        var result = Decompression.Expand(File.ReadAllBytes(TestSupport.Corpus.PathOf("guac", "exampledata", file)), 1_000_000, out var encoding);

        Assert.Equal(expected, encoding);
        Assert.Equal(plain, result);
    }
}
