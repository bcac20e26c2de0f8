using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace ArtifactGraph.Core.Identity;

/// <summary>
/// A content digest in canonical form <c>algorithm:lowerhex</c>. Algorithm names are normalized
/// (<c>SHA-256</c>, <c>SHA256</c>, <c>sha-256</c> → <c>sha256</c>; <c>SHA3-256</c> → <c>sha3-256</c>;
/// <c>BLAKE2b-256</c> → <c>blake2b-256</c>) and the hex length is checked where the algorithm fixes it.
/// </summary>
/// <remarks>
/// An algorithm outside the known list is kept, lower-cased, without a length check, so a reader
/// does not drop a document over a hash this code has not heard of.
/// </remarks>
public readonly record struct Digest
{
    private Digest(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    public string Algorithm { get; }

    public string Hex { get; }

    public static Digest Parse(string text) =>
        TryParse(text, out var digest, out var error) ? digest : throw new FormatException(error);

    /// <summary>Parses <c>algorithm:hex</c>; <c>algorithm-hex</c> is not accepted because '-' also appears in algorithm names.</summary>
    public static bool TryParse(string? text, out Digest digest, [NotNullWhen(false)] out string? error)
    {
        digest = default;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0)
        {
            error = $"digest '{text}' is not written algorithm:hex";
            return false;
        }

        return TryCreate(text[..colon], text[(colon + 1)..], out digest, out error);
    }

    public static bool TryCreate(string algorithm, string hex, out Digest digest, [NotNullWhen(false)] out string? error)
    {
        digest = default;
        if (!DigestAlgorithms.TryNormalize(algorithm, out var alg, out var length))
        {
            error = $"digest algorithm '{algorithm}' is not a name such as sha256";
            return false;
        }

        // Lower-cased only when it has an upper-case letter: the casing walks the text a character at a time even when it
        // returns it unchanged (~1.5% of reading a tier M SBOM, whose digests are written in lower case). Any other
        // character that casing would change is no hex digit either way, and casing keeps the length.
        var trimmed = (hex ?? string.Empty).Trim();
        var value = trimmed.AsSpan().ContainsAnyInRange('A', 'Z') ? trimmed.ToLowerInvariant() : trimmed;
        if (value.Length == 0)
        {
            error = $"{alg} digest value is empty";
            return false;
        }

        if (value.AsSpan().ContainsAnyExcept(HexDigits))
        {
            error = $"{alg} digest value '{hex}' is not hexadecimal";
            return false;
        }

        if (length is { } expected && value.Length != expected)
        {
            error = $"{alg} digest value has {value.Length} hex characters, expected {expected}";
            return false;
        }

        digest = new Digest(alg, value);
        error = null;
        return true;
    }

    /// <summary>
    /// The canonical text (<c>algorithm:lowerhex</c>) of a digest whose value is ASCII bytes, made in one string, when
    /// <see cref="TryCreate"/> would accept it; false, with nothing made, for anything it might not (padding, other
    /// characters, a wrong length, an unknown algorithm, a long value), which that method then judges and explains.
    /// Readers of JSON pass a value's bytes: a string of the value beside the digest's text was ~5% of reading an SBOM's
    /// allocations.
    /// </summary>
    public static bool TryCreateText(string algorithm, ReadOnlySpan<byte> asciiHex, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (asciiHex.IsEmpty || asciiHex.Length > MaxTextHex || !DigestAlgorithms.TryNormalize(algorithm, out var alg, out var length)
            || (length is { } expected && asciiHex.Length != expected) || alg.Length > MaxTextHex)
        {
            return false;
        }

        Span<char> chars = stackalloc char[alg.Length + 1 + asciiHex.Length];
        alg.CopyTo(chars);
        chars[alg.Length] = ':';
        var hex = chars[(alg.Length + 1)..];
        for (var i = 0; i < asciiHex.Length; i++)
        {
            // Lower-cased as TryCreate lower-cases: only A–F can become a hex digit.
            var c = (char)asciiHex[i];
            hex[i] = c is >= 'A' and <= 'F' ? (char)(c | 0x20) : c;
        }

        if (hex.ContainsAnyExcept(HexDigits))
        {
            return false;
        }

        text = new string(chars);
        return true;
    }

    // TryCreateText's bound on a value and an algorithm name (the longest fixed digest, sha512, is 128 hex characters).
    private const int MaxTextHex = 256;

    public override string ToString() => Algorithm + ":" + Hex;
}
