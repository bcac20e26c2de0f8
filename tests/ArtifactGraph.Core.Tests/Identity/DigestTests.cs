using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Core.Tests.Identity;

public sealed class DigestTests
{
    private const string Sha256Hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Theory]
    [InlineData("SHA-256", "sha256")]
    [InlineData("SHA256", "sha256")]
    [InlineData("sha-256", "sha256")]
    [InlineData("sha_256", "sha256")]
    public void TryCreate_Sha256Spellings_NormalizeToSha256(string algorithm, string expected)
    {
        Assert.True(Digest.TryCreate(algorithm, Sha256Hex.ToUpperInvariant(), out var digest, out _));
        Assert.Equal(expected, digest.Algorithm);
        Assert.Equal($"sha256:{Sha256Hex}", digest.ToString());
    }

    [Theory]
    [InlineData("SHA-1", "sha1", 40)]
    [InlineData("MD5", "md5", 32)]
    [InlineData("SHA-384", "sha384", 96)]
    [InlineData("SHA-512", "sha512", 128)]
    [InlineData("SHA3-256", "sha3-256", 64)]
    [InlineData("SHA3-384", "sha3-384", 96)]
    [InlineData("SHA3-512", "sha3-512", 128)]
    [InlineData("BLAKE2b-256", "blake2b-256", 64)]
    [InlineData("BLAKE2b-384", "blake2b-384", 96)]
    [InlineData("BLAKE2b-512", "blake2b-512", 128)]
    [InlineData("BLAKE3", "blake3", 64)]
    public void TryCreate_KnownAlgorithm_NormalizesName(string algorithm, string expected, int hexLength)
    {
        Assert.True(Digest.TryCreate(algorithm, new string('a', hexLength), out var digest, out var error), error);
        Assert.Equal(expected, digest.Algorithm);
    }

    [Theory]
    [InlineData("sha256", "abc")]
    [InlineData("sha1", Sha256Hex)]
    [InlineData("md5", "0123")]
    public void TryCreate_WrongLengthForAlgorithm_FailsNamingTheLength(string algorithm, string hex)
    {
        Assert.False(Digest.TryCreate(algorithm, hex, out _, out var error));
        Assert.Contains("expected", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void TryCreate_EmptyValue_FailsAsEmpty(string hex)
    {
        Assert.False(Digest.TryCreate("sha256", hex, out _, out var error));
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_NonHexValue_FailsAsNotHexadecimal()
    {
        Assert.False(Digest.TryCreate("sha256", new string('z', 64), out _, out var error));
        Assert.Contains("not hexadecimal", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_UnknownAlgorithm_KeepsItLowerCased()
    {
        Assert.True(Digest.TryCreate("Whirlpool", "abcd", out var digest, out _));
        Assert.Equal("whirlpool:abcd", digest.ToString());
    }

    [Fact]
    public void TryCreate_EmptyAlgorithm_Fails()
    {
        Assert.False(Digest.TryCreate(" ", "abcd", out _, out var error));
        Assert.NotNull(error);
    }

    public static TheoryData<string, string> TextCases => new()
    {
        { "SHA-256", new string('a', 64) },
        { "sha256", "ABCDEF" + new string('0', 58) },
        { "SHA-1", "AbCd" + new string('9', 36) },
        { "sha256", new string('a', 63) },
        { "sha256", " " + new string('a', 64) },
        { "sha256", new string('a', 64) + "\n" },
        { "sha256", "g" + new string('a', 63) },
        { "sha256", "G" + new string('a', 63) },
        { "sha256", string.Empty },
        { "blake3", new string('f', 64) },
        { "blake3", new string('f', 300) },
        { "gce_image_id", "0123456789" },
        { "not an algorithm!", new string('a', 64) },
        { "md5", new string('A', 32) },
    };

    [Theory]
    [MemberData(nameof(TextCases))]
    public void TryCreateText_AnyValue_MakesWhatTryCreateWouldOrLeavesItToIt(string algorithm, string hex)
    {
        var made = Digest.TryCreateText(algorithm, System.Text.Encoding.ASCII.GetBytes(hex), out var text);
        var created = Digest.TryCreate(algorithm, hex, out var digest, out _);

        // Never accepts what TryCreate rejects, and makes the same text when it accepts.
        Assert.True(created || !made);
        if (made)
        {
            Assert.Equal(digest.ToString(), text);
        }

        // Every plain valid value is made here: the JSON reader's fast path must cover the common case.
        Assert.Equal(created && hex.Trim() == hex && hex.Length <= 256, made);
    }

    [Fact]
    public void Parse_AlgorithmColonHex_RoundTrips()
    {
        var digest = Digest.Parse($"SHA-256:{Sha256Hex.ToUpperInvariant()}");

        Assert.Equal(Digest.Parse($"sha256:{Sha256Hex}"), digest);
        Assert.Equal($"sha256:{Sha256Hex}", digest.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(":abcd")]
    [InlineData("sha256-" + Sha256Hex)]
    public void TryParse_NotAlgorithmColonHex_Fails(string? text)
    {
        Assert.False(Digest.TryParse(text, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => Digest.Parse("sha256:xyz"));
    }
}
