using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace ArtifactGraph.Ingest.Trust;

/// <summary>
/// Reads a trust configuration file:
/// <code>{"keys":[{"keyid":"...","pem":"path/to/key.pem"} | {"keyid":"...","publicKey":"-----BEGIN PUBLIC KEY-----..."}],
///  "sigstoreRoots":["path/to/fulcio-root.pem" | "-----BEGIN CERTIFICATE-----..."]}</code>
/// Relative paths are relative to the configuration file. Any problem throws <see cref="TrustConfigurationException"/>
/// naming the JSON pointer: a half-read trust configuration must never quietly trust less (or more).
/// </summary>
public static class TrustConfiguration
{
    public static TrustStore Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TrustConfigurationException($"trust configuration {path} cannot be read: {ex.Message}", ex);
        }

        return Parse(text, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    public static TrustStore Parse(string json, string baseDirectory)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TrustConfigurationException("trust configuration: expected a JSON object");
            }

            var keys = new List<TrustedKey>();
            if (root.TryGetProperty("keys", out var keysElement))
            {
                var i = 0;
                foreach (var entry in keysElement.EnumerateArray())
                {
                    keys.Add(ReadKey(entry, $"/keys/{i++}", baseDirectory));
                }
            }

            var duplicate = keys.GroupBy(k => k.KeyId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new TrustConfigurationException($"trust configuration: key id '{duplicate.Key}' is configured twice");
            }

            var roots = new List<X509Certificate2>();
            if (root.TryGetProperty("sigstoreRoots", out var rootsElement))
            {
                var i = 0;
                foreach (var entry in rootsElement.EnumerateArray())
                {
                    var pointer = $"/sigstoreRoots/{i++}";
                    var pem = ResolvePem(entry.GetString() ?? throw new TrustConfigurationException($"trust configuration {pointer}: expected a string"), baseDirectory, pointer);
                    roots.Add(X509Certificate2.CreateFromPem(pem));
                }
            }

            return new TrustStore(keys, roots);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or CryptographicException or FormatException)
        {
            throw new TrustConfigurationException($"trust configuration: {ex.Message}", ex);
        }
    }

    private static TrustedKey ReadKey(JsonElement entry, string pointer, string baseDirectory)
    {
        var keyId = entry.TryGetProperty("keyid", out var id) ? id.GetString() : null;
        if (string.IsNullOrWhiteSpace(keyId))
        {
            throw new TrustConfigurationException($"trust configuration {pointer}/keyid: every key needs a key id");
        }

        string pem;
        if (entry.TryGetProperty("publicKey", out var inline))
        {
            pem = inline.GetString() ?? string.Empty;
        }
        else if (entry.TryGetProperty("pem", out var file))
        {
            pem = ResolvePem(file.GetString() ?? string.Empty, baseDirectory, pointer + "/pem");
        }
        else
        {
            throw new TrustConfigurationException($"trust configuration {pointer}: needs \"pem\" (a file) or \"publicKey\" (inline PEM)");
        }

        try
        {
            return new TrustedKey(keyId, PublicKeyMaterial.FromPem(pem));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or CryptographicException or System.Formats.Asn1.AsnContentException)
        {
            throw new TrustConfigurationException($"trust configuration {pointer}: key '{keyId}' is not a usable public key: {ex.Message}", ex);
        }
    }

    private static string ResolvePem(string value, string baseDirectory, string pointer)
    {
        if (value.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return value;
        }

        var path = Path.IsPathRooted(value) ? value : Path.Combine(baseDirectory, value);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TrustConfigurationException($"trust configuration {pointer}: {path} cannot be read: {ex.Message}", ex);
        }
    }
}

/// <summary>A trust configuration that cannot be used as written.</summary>
public sealed class TrustConfigurationException : Exception
{
    public TrustConfigurationException(string message)
        : base(message)
    {
    }

    public TrustConfigurationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
