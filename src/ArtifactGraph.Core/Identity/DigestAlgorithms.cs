using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ArtifactGraph.Core.Identity;

/// <summary>
/// Canonical digest algorithm names and their hex lengths. Names are matched with '-', '_' and
/// spaces removed, so SPDX (SHA256, BLAKE2b-256), CycloneDX (SHA-256, SHA3-256) and in-toto
/// (sha256) spellings meet in one form.
/// </summary>
internal static partial class DigestAlgorithms
{
    private static readonly Dictionary<string, (string Name, int? HexLength)> Known = new(StringComparer.Ordinal)
    {
        ["md5"] = ("md5", 32),
        ["sha1"] = ("sha1", 40),
        ["sha224"] = ("sha224", 56),
        ["sha256"] = ("sha256", 64),
        ["sha384"] = ("sha384", 96),
        ["sha512"] = ("sha512", 128),
        ["sha3224"] = ("sha3-224", 56),
        ["sha3256"] = ("sha3-256", 64),
        ["sha3384"] = ("sha3-384", 96),
        ["sha3512"] = ("sha3-512", 128),
        ["blake2b256"] = ("blake2b-256", 64),
        ["blake2b384"] = ("blake2b-384", 96),
        ["blake2b512"] = ("blake2b-512", 128),

        // BLAKE3 is an extendable-output function: no fixed length to check.
        ["blake3"] = ("blake3", null),
    };

    // Spellings seen → their normalized form: a document writes one spelling per hash ("SHA-256"), so the lower-casing
    // and squashing below ran once per component for the same answer. Bounded: a document cannot grow it past this.
    private static readonly ConcurrentDictionary<string, (string? Name, int? HexLength)> Spellings = new(StringComparer.Ordinal);
    private const int MaxSpellings = 256;
    private static int _spellings; // ConcurrentDictionary.Count takes every lock

    public static bool TryNormalize(string? algorithm, [NotNullWhen(true)] out string? name, out int? hexLength)
    {
        if (algorithm is null)
        {
            return TryNormalizeText(algorithm, out name, out hexLength);
        }

        if (!Spellings.TryGetValue(algorithm, out var known))
        {
            known = TryNormalizeText(algorithm, out var normalized, out var length) ? (normalized, length) : (null, null);
            if (Volatile.Read(ref _spellings) < MaxSpellings && Spellings.TryAdd(algorithm, known))
            {
                Interlocked.Increment(ref _spellings);
            }
        }

        (name, hexLength) = known;
        return name is not null;
    }

    private static bool TryNormalizeText(string? algorithm, [NotNullWhen(true)] out string? name, out int? hexLength)
    {
        var lower = (algorithm ?? string.Empty).Trim().ToLowerInvariant();
        var squashed = lower.Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace("_", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal);
        if (Known.TryGetValue(squashed, out var known))
        {
            (name, hexLength) = known;
            return true;
        }

        hexLength = null;
        name = TokenPattern().IsMatch(lower) ? lower : null;
        return name is not null;
    }

    // in-toto digest sets name custom algorithms with underscores (gce_image_id).
    [GeneratedRegex("^[a-z][a-z0-9_.+-]*$")]
    private static partial Regex TokenPattern();
}
