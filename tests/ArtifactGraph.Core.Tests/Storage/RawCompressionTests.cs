using System.Text;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Core.Tests.Storage;

public sealed class RawCompressionTests
{
    // Random text of JSON's characters compresses only ~1.6x, so a few MB of it fill several output blocks.
    private const string JsonAlphabet = "{}\":,abcdefpkg/@0123456789";

    [Fact]
    public void Encode_RepetitiveText_UsesBrotliAndDecodes()
    {
        var raw = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"purl\":\"pkg:npm/left-pad@1.3.0\"},", 500)));

        var (encoded, encoding) = RawCompression.Encode(raw);

        Assert.Equal(RawCompression.Brotli, encoding);
        Assert.True(encoded.Length < raw.Length / 10);
        Assert.Equal(raw, RawCompression.Decode(encoded, encoding, raw.Length));
    }

    [Fact]
    public void Encode_OutputLargerThanOneBlock_DecodesToTheInput()
    {
        // Random hex text compresses about 2x: 4 MB of it spans several of the encoder's 1 MB output blocks.
        var raw = RandomText(new Random(11), 4 << 20, "0123456789abcdef");

        var (encoded, encoding) = RawCompression.Encode(raw);

        Assert.Equal(RawCompression.Brotli, encoding);
        Assert.InRange(encoded.Length, 1 << 20, raw.Length - 1);
        Assert.Equal(raw, RawCompression.Decode(encoded, encoding, raw.Length));
    }

    [Fact]
    public void Encode_DocumentsInTurn_EachDecodesToItsOwnInput()
    {
        // The encoder's blocks are pooled: each document must decode to itself, not to what a reused block last held.
        var random = new Random(5);
        foreach (var size in new[] { 300_000, 40_000, 2_500_000, 90_000, 300_000 })
        {
            var raw = RandomText(random, size, JsonAlphabet);

            var (encoded, encoding) = RawCompression.Encode(raw);

            Assert.Equal(RawCompression.Brotli, encoding);
            Assert.Equal(raw, RawCompression.Decode(encoded, encoding, raw.Length));
        }
    }

    [Fact]
    public void Encode_VeryLargeDocument_EncodesIntoBlocksOfItsOwn()
    {
        // Past 16 MB the blocks are not pooled (they would stay in the pool after a rare 250 MB SBOM); same result.
        var raw = RandomText(new Random(7), (16 << 20) + 1, JsonAlphabet);

        var (encoded, encoding) = RawCompression.Encode(raw);

        Assert.Equal(RawCompression.Brotli, encoding);
        Assert.InRange(encoded.Length, 2 << 20, raw.Length - 1); // several 1 MB blocks
        Assert.Equal(raw, RawCompression.Decode(encoded, encoding, raw.Length));
    }

    [Fact]
    public void Encode_RandomBytes_KeepsIdentity()
    {
        var raw = new byte[1024];
        new Random(7).NextBytes(raw);

        var (encoded, encoding) = RawCompression.Encode(raw);

        Assert.Equal(RawCompression.Identity, encoding);
        Assert.Equal(raw, RawCompression.Decode(encoded, encoding, raw.Length));
    }

    [Fact]
    public void Encode_Empty_RoundTrips()
    {
        var (encoded, encoding) = RawCompression.Encode([]);

        Assert.Empty(RawCompression.Decode(encoded, encoding, 0));
    }

    [Fact]
    public void Decode_WrongRecordedSize_Throws()
    {
        var (encoded, encoding) = RawCompression.Encode(Encoding.UTF8.GetBytes(new string('a', 1000)));

        Assert.Throws<InvalidDataException>(() => RawCompression.Decode(encoded, encoding, 999));
    }

    [Fact]
    public void Decode_UnknownEncoding_Throws()
    {
        Assert.Throws<InvalidDataException>(() => RawCompression.Decode([1, 2], "zstd", 2));
    }

    private static byte[] RandomText(Random random, int length, string alphabet)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)alphabet[bytes[i] % alphabet.Length];
        }

        return bytes;
    }
}
