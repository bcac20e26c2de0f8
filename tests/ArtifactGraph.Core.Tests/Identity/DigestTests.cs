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
