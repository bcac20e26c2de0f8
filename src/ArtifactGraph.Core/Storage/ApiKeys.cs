using System.Security.Cryptography;
using System.Text;

namespace ArtifactGraph.Core.Storage;

/// <summary>
/// Generates and hashes API keys. A key is 32 random bytes (256 bits) from the OS CSPRNG, so a plain
/// SHA-256 is enough to store it: slow password hashes (bcrypt, Argon2) exist to stretch guessable
/// secrets, and a 256-bit random key cannot be guessed or brute-forced from its hash. A fast hash also
/// keeps the per-request check to one lookup by hash, with no per-key salt to try.
/// </summary>
public static class ApiKeys
{
    /// <summary>Every key starts with this, so a leaked key is recognisable (secret scanners, logs).</summary>
    public const string Prefix = "agk_";

    public static string Generate() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
