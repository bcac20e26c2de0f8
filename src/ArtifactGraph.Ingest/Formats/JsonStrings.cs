using System.Text;
using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats;

/// <summary>
/// One string per distinct short value for the fields that repeat in nearly every entry of an SBOM (component
/// type, scope, hash algorithm, license id): the value is unescaped into a stack buffer and looked up by its
/// characters, so a repeat costs no allocation and every node that keeps it shares one string. Per thread
/// (readers run one document per thread) and bounded: cleared when full, so odd documents cost nothing lasting.
/// </summary>
internal static class JsonStrings
{
    private const int MaxLength = 64;
    private const int Capacity = 1024;

    [ThreadStatic]
    private static Dictionary<string, string>? t_strings;

    /// <summary>The current string token's value, shared with earlier equal values on this thread.</summary>
    public static string Intern(ref Utf8JsonReader reader)
    {
        // A UTF-8 (or escaped) string never has more UTF-16 characters than bytes.
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxLength)
        {
            return reader.GetString()!;
        }

        Span<char> buffer = stackalloc char[MaxLength];
        return Intern(buffer[..reader.CopyString(buffer)]);
    }

    /// <summary>An ASCII value (a JSON string's bytes without escapes), shared with earlier equal values on this thread.</summary>
    public static string Intern(ReadOnlySpan<byte> ascii)
    {
        if (ascii.Length > MaxLength)
        {
            return Encoding.ASCII.GetString(ascii);
        }

        Span<char> buffer = stackalloc char[MaxLength];
        var chars = buffer[..ascii.Length];
        Ascii.ToUtf16(ascii, chars, out _);
        return Intern(chars);
    }

    private static string Intern(ReadOnlySpan<char> chars)
    {
        var strings = t_strings ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars, out var known))
        {
            return known;
        }

        if (strings.Count >= Capacity)
        {
            strings.Clear();
        }

        var text = chars.ToString();
        strings.Add(text, text);
        return text;
    }
}
