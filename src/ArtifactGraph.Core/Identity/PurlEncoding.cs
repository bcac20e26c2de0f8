using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ArtifactGraph.Core.Identity;

/// <summary>
/// Percent-encoding as the package-url spec defines it. Canonical output encodes everything but
/// ASCII letters, digits, <c>. - _ ~</c> and <c>:</c>; the colon stays bare because versions such as
/// <c>sha256:…</c> and <c>1:0.47</c> are common and the spec's canonical examples keep it.
/// </summary>
internal static class PurlEncoding
{
    public static string Encode(string value)
    {
        if (!value.AsSpan().ContainsAnyExcept(Safe))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b < 0x80 && IsSafe((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes %XX sequences as UTF-8. A '%' not followed by two hex digits is an error, not a literal.</summary>
    public static bool TryDecode(string value, [NotNullWhen(true)] out string? decoded, [NotNullWhen(false)] out string? error)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            decoded = value;
            error = null;
            return true;
        }

        return TryDecodeEscaped(value, out decoded, out error);
    }

    /// <summary>The same for a piece of a larger text: a string is made only for the decoded value.</summary>
    public static bool TryDecode(ReadOnlySpan<char> value, [NotNullWhen(true)] out string? decoded, [NotNullWhen(false)] out string? error)
    {
        if (!value.Contains('%'))
        {
            decoded = value.ToString();
            error = null;
            return true;
        }

        return TryDecodeEscaped(value.ToString(), out decoded, out error);
    }

    private static bool TryDecodeEscaped(string value, [NotNullWhen(true)] out string? decoded, [NotNullWhen(false)] out string? error)
    {

        var bytes = new List<byte>(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] != '%')
            {
                // Take the whole literal run so surrogate pairs are encoded together.
                var start = i;
                while (i < value.Length && value[i] != '%')
                {
                    i++;
                }

                bytes.AddRange(Encoding.UTF8.GetBytes(value[start..i]));
                continue;
            }

            if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
            {
                decoded = null;
                error = $"invalid percent-encoding in '{value}'";
                return false;
            }

            bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
            i += 3;
        }

        decoded = Encoding.UTF8.GetString(bytes.ToArray());
        error = null;
        return true;
    }

    /// <summary>Whether <paramref name="path"/> is only safe characters and '/': then encoding it segment by segment changes nothing.</summary>
    public static bool IsSafePath(string path) => !path.AsSpan().ContainsAnyExcept(SafeOrSlash);

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':';

    private const string SafeCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_~:";

    private static readonly SearchValues<char> Safe = SearchValues.Create(SafeCharacters);

    private static readonly SearchValues<char> SafeOrSlash = SearchValues.Create(SafeCharacters + "/");
}
