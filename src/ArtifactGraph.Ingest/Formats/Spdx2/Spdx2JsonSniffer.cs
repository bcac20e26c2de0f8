using System.Text;
using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// Cheap content check: a JSON object whose top level has a string <c>spdxVersion</c> starting <c>SPDX-2</c>.
/// Scans top-level keys only (skipping values), in the first 4 KB and then, if undecided, the whole document.
/// </summary>
internal static class Spdx2JsonSniffer
{
    private const int PrefixBytes = 4096;

    public static bool LooksLikeSpdx2Json(ReadOnlySpan<byte> content)
    {
        content = SkipBom(content);
        var trimmed = content.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
        {
            return false;
        }

        var prefix = content.Length > PrefixBytes ? content[..PrefixBytes] : content;
        var verdict = Scan(prefix, isFinalBlock: prefix.Length == content.Length);
        return verdict ?? (prefix.Length < content.Length && Scan(content, isFinalBlock: true) == true);
    }

    public static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> content) =>
        content.StartsWith(Encoding.UTF8.Preamble) ? content[Encoding.UTF8.Preamble.Length..] : content;

    /// <summary>true/false when decided; null when the bytes ran out first.</summary>
    private static bool? Scan(ReadOnlySpan<byte> bytes, bool isFinalBlock)
    {
        var reader = new Utf8JsonReader(bytes, isFinalBlock, new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 }));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return isFinalBlock ? false : null;
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    return false;
                }

                var isVersion = reader.ValueTextEquals("spdxVersion"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isVersion)
                {
                    return reader.TokenType == JsonTokenType.String && reader.GetString()!.TrimStart().StartsWith("SPDX-2", StringComparison.Ordinal);
                }

                if (!reader.TrySkip())
                {
                    return null;
                }
            }

            return isFinalBlock ? false : null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
