using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.Inventory;

/// <summary>
/// The inventory announces itself: JSON with a top-level <c>"inventory": "artifactgraph/v1"</c>, or YAML with
/// an unindented <c>inventory: artifactgraph/v1</c> line.
/// </summary>
internal static class InventorySniffer
{
    public static bool LooksLikeJson(ReadOnlySpan<byte> content) => JsonSniffing.Decide(content, Scan);

    public static bool LooksLikeYaml(ReadOnlySpan<byte> content) =>
        YamlDocuments.StartsLikeYaml(content)
        && YamlDocuments.TopLevelLines(content).Any(l => l.Key == "inventory" && l.Value.StartsWith("artifactgraph/", StringComparison.Ordinal));

    private static bool? Scan(ReadOnlySpan<byte> bytes, bool isFinalBlock)
    {
        var reader = new Utf8JsonReader(bytes, isFinalBlock, new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 }));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return isFinalBlock ? false : null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isInventory = reader.ValueTextEquals("inventory"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isInventory)
                {
                    return reader.TokenType == JsonTokenType.String && reader.GetString()!.StartsWith("artifactgraph/", StringComparison.Ordinal);
                }

                if (!reader.TrySkip())
                {
                    return null;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject ? false : null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
