using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Cheap content check: a JSON object whose top level has <c>"bomFormat": "CycloneDX"</c>, or
/// <c>specVersion</c> together with a <c>$schema</c> naming CycloneDX. Looks at the first 4 KB, and only
/// scans further (top-level keys only, skipping values) when those bytes did not decide.
/// </summary>
internal static class CdxSniffer
{
    public static bool LooksLikeCycloneDx(ReadOnlySpan<byte> content) => JsonSniffing.Decide(content, Scan);

    public static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> content) => JsonSniffing.SkipBom(content);

    /// <summary>true/false when decided; null when the bytes ran out first.</summary>
    private static bool? Scan(ReadOnlySpan<byte> bytes, bool isFinalBlock)
    {
        var reader = new Utf8JsonReader(bytes, isFinalBlock, new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 }));
        bool hasSpecVersion = false, schemaNamesCycloneDx = false;
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
                    return hasSpecVersion && schemaNamesCycloneDx;
                }

                var key = reader.GetString();
                if (!reader.Read())
                {
                    return null;
                }

                switch (key)
                {
                    case "bomFormat" when reader.TokenType == JsonTokenType.String:
                        return reader.ValueTextEquals("CycloneDX"u8);
                    case "specVersion":
                        hasSpecVersion = true;
                        break;
                    case "$schema" when reader.TokenType == JsonTokenType.String:
                        schemaNamesCycloneDx = reader.GetString()!.Contains("cyclonedx", StringComparison.OrdinalIgnoreCase);
                        break;
                }

                if (hasSpecVersion && schemaNamesCycloneDx)
                {
                    return true;
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
