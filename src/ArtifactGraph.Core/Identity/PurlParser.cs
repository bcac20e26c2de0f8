using System.Diagnostics.CodeAnalysis;

namespace ArtifactGraph.Core.Identity;

/// <summary>
/// The package-url parsing algorithm: peel subpath ('#'), qualifiers ('?'), scheme, type, version
/// ('@' in the last segment), name and namespace, decoding each piece, then hand the decoded
/// components to <see cref="PurlNormalizer"/>.
/// </summary>
internal static class PurlParser
{
    // The pieces are cut as spans of the text: only the decoded components become strings (a cold parse made a
    // substring at every step and a list per segment list).
    public static bool TryParse(string? text, [NotNullWhen(true)] out Purl? purl, [NotNullWhen(false)] out string? error)
    {
        purl = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "a purl cannot be empty";
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !text.AsSpan(0, colon).Equals("pkg", StringComparison.OrdinalIgnoreCase))
        {
            error = "a purl starts with 'pkg:'";
            return false;
        }

        var rest = text.AsSpan(colon + 1);
        string? subpath = null;
        var hash = rest.LastIndexOf('#');
        if (hash >= 0)
        {
            if (!TryDecodeSegments(rest[(hash + 1)..], "subpath", out subpath, out error)) { return false; }
            rest = rest[..hash];
        }

        List<KeyValuePair<string, string>>? qualifiers = null;
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            if (!TryParseQualifiers(rest[(question + 1)..], out qualifiers, out error)) { return false; }
            rest = rest[..question];
        }

        // Slashes after the scheme are not significant ("pkg://maven/..." is "pkg:maven/...").
        rest = rest.Trim('/');
        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            error = "a purl needs a type and a name: pkg:type/name";
            return false;
        }

        var type = rest[..slash];
        rest = rest[(slash + 1)..];
        var lastSlash = rest.LastIndexOf('/');
        var last = rest[(lastSlash + 1)..];
        var nsText = lastSlash < 0 ? [] : rest[..lastSlash];

        // The version is split off the last segment only, so an npm scope such as '@babel/core'
        // written without percent-encoding is still read as a namespace.
        string? version = null;
        var at = last.LastIndexOf('@');
        if (at >= 0)
        {
            if (!PurlEncoding.TryDecode(last[(at + 1)..], out version, out error)) { return false; }
            last = last[..at];
        }

        if (!PurlEncoding.TryDecode(last, out var name, out error)) { return false; }
        if (!TryDecodeSegments(nsText, "namespace", out var ns, out error)) { return false; }

        return PurlNormalizer.TryNormalize(type.ToString(), ns, name, version, qualifiers, subpath, out purl, out error);
    }

    /// <summary>Decodes each '/'-separated segment; a segment that decodes to a '/' would change the structure.</summary>
    private static bool TryDecodeSegments(ReadOnlySpan<char> text, string what, out string? joined, [NotNullWhen(false)] out string? error)
    {
        joined = null;
        List<string>? decoded = null;
        foreach (var range in text.Split('/'))
        {
            var segment = text[range];
            if (segment.IsEmpty)
            {
                continue;
            }

            if (!PurlEncoding.TryDecode(segment, out var value, out error)) { joined = null; return false; }
            if (value.Contains('/', StringComparison.Ordinal))
            {
                joined = null;
                error = $"a {what} segment cannot contain an encoded '/': '{segment}'";
                return false;
            }

            // One segment (the common namespace) is returned as decoded, without a list or a join.
            if (joined is null && decoded is null)
            {
                joined = value;
                continue;
            }

            decoded ??= [joined!];
            decoded.Add(value);
        }

        if (decoded is not null)
        {
            joined = string.Join('/', decoded);
        }

        error = null;
        return true;
    }

    private static bool TryParseQualifiers(ReadOnlySpan<char> text, out List<KeyValuePair<string, string>> qualifiers, [NotNullWhen(false)] out string? error)
    {
        qualifiers = [];
        foreach (var range in text.Split('&'))
        {
            var pair = text[range];
            if (pair.IsEmpty)
            {
                continue;
            }

            var eq = pair.IndexOf('=');
            if (eq <= 0)
            {
                error = $"qualifier '{pair}' is not key=value";
                return false;
            }

            // Keys are never percent-decoded: an encoded character in a key makes it invalid.
            if (!PurlEncoding.TryDecode(pair[(eq + 1)..], out var value, out error)) { return false; }
            qualifiers.Add(new(pair[..eq].ToString(), value));
        }

        error = null;
        return true;
    }
}
