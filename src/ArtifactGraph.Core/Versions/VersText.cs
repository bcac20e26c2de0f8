using System.Text;

namespace ArtifactGraph.Core.Versions;

/// <summary>Percent-encoding of vers versions: only characters that cannot appear literally are escaped, upper-case hex.</summary>
internal static class VersText
{
    /// <summary>Characters a canonical vers version writes literally; escaping one of these is not canonical.</summary>
    public static bool IsLiteral(char c) =>
        VersionText.IsDigit(c) || VersionText.IsLetter(c) || c is '.' or '-' or '_' or '~' or ':' or '+' or '!' or '^' or '*';

    public static string Encode(string version)
    {
        if (version.All(IsLiteral))
        {
            return version;
        }

        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(version))
        {
            if (b < 0x80 && IsLiteral((char)b))
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>Decodes escapes; with <paramref name="strict"/>, lower-case hex and escaped literal characters are errors.</summary>
    public static string? Decode(string text, bool strict, out string? error)
    {
        error = null;
        if (!text.Contains('%'))
        {
            return text;
        }

        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                continue;
            }

            if (i + 2 >= text.Length || !byte.TryParse(text.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var b))
            {
                error = $"bad percent escape at '{text[i..Math.Min(text.Length, i + 3)]}'";
                return null;
            }

            if (strict && (text.AsSpan(i + 1, 2).ContainsAnyInRange('a', 'f') || (b < 0x80 && IsLiteral((char)b))))
            {
                error = $"non-canonical percent escape '{text.Substring(i, 3)}'";
                return null;
            }

            bytes.Add(b);
            i += 2;
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
