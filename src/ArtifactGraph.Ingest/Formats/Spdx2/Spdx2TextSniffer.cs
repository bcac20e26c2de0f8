using System.Text;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// Content checks for the two text syntaxes, on the first 64 KB: tag-value has a line <c>SPDXVersion: SPDX-2…</c>;
/// YAML has a top-level (unindented) <c>spdxVersion: SPDX-2…</c> line, optionally quoted. Neither claims a document
/// that starts like JSON or XML, so a JSON SPDX document (which is also YAML) goes to the JSON reader.
/// </summary>
internal static class Spdx2TextSniffer
{
    private const int PrefixBytes = 64 * 1024;

    public static bool LooksLikeTagValue(ReadOnlySpan<byte> content) => HasVersionLine(content, "SPDXVersion:");

    public static bool LooksLikeYaml(ReadOnlySpan<byte> content) => HasVersionLine(content, "spdxVersion:");

    public static string Decode(ReadOnlyMemory<byte> content) =>
        new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(Spdx2JsonSniffer.SkipBom(content.Span));

    private static bool HasVersionLine(ReadOnlySpan<byte> content, string tag)
    {
        content = Spdx2JsonSniffer.SkipBom(content);
        var prefix = content.Length > PrefixBytes ? content[..PrefixBytes] : content;
        var trimmed = prefix.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed[0] is (byte)'{' or (byte)'[' or (byte)'<')
        {
            return false;
        }

        foreach (var raw in Encoding.UTF8.GetString(prefix).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!line.StartsWith(tag, StringComparison.Ordinal))
            {
                continue;
            }

            var value = line[tag.Length..].Trim().Trim('"', '\'');
            if (value.StartsWith("SPDX-2", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
