using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// Cheap content check: a JSON object whose top level has a string <c>spdxVersion</c> starting <c>SPDX-2</c>.
/// Scans top-level keys only (skipping values), in the first 4 KB and then, if undecided, the whole document.
/// </summary>
internal static class Spdx2JsonSniffer
{
    public static bool LooksLikeSpdx2Json(ReadOnlySpan<byte> content) => JsonSniffing.Decide(content, Scan);

    public static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> content) => JsonSniffing.SkipBom(content);

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
