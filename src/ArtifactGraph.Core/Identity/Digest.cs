using System.Diagnostics.CodeAnalysis;

namespace ArtifactGraph.Core.Identity;

/// <summary>
/// A content digest in canonical form <c>algorithm:lowerhex</c>. Algorithm names are normalized
/// (<c>SHA-256</c>, <c>SHA256</c>, <c>sha-256</c> → <c>sha256</c>; <c>SHA3-256</c> → <c>sha3-256</c>;
/// <c>BLAKE2b-256</c> → <c>blake2b-256</c>) and the hex length is checked where the algorithm fixes it.
/// PLACEHOLDER: a minimal implementation until the full one lands.
/// </summary>
public readonly record struct Digest
{
    private Digest(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    public string Algorithm { get; }

    public string Hex { get; }

    public static Digest Parse(string text) =>
        TryParse(text, out var digest, out var error) ? digest : throw new FormatException(error);

    /// <summary>Parses <c>algorithm:hex</c> (also <c>algorithm-hex</c> is not accepted: ambiguous).</summary>
    public static bool TryParse(string? text, out Digest digest, [NotNullWhen(false)] out string? error)
    {
        digest = default;
        var colon = text?.IndexOf(':') ?? -1;
        if (text is null || colon <= 0)
        {
            error = "a digest is written algorithm:hex";
            return false;
        }

        return TryCreate(text[..colon], text[(colon + 1)..], out digest, out error);
    }

    public static bool TryCreate(string algorithm, string hex, out Digest digest, [NotNullWhen(false)] out string? error)
    {
        digest = default;
        var alg = algorithm.Trim().ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal);
        var value = hex.Trim().ToLowerInvariant();
        if (value.Length == 0 || !value.All(char.IsAsciiHexDigit))
        {
            error = $"digest value '{hex}' is not hexadecimal";
            return false;
        }

        digest = new Digest(alg, value);
        error = null;
        return true;
    }

    public override string ToString() => Algorithm + ":" + Hex;
}
