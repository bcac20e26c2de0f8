using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats;

/// <summary>
/// Collects a JSON object's top-level keys (and the text of string values, for the keys a sniffer asks
/// about) from a prefix of the bytes, for sniffers that decide on a combination of keys. Values are skipped,
/// not parsed; a truncated prefix yields what was seen so far and <c>complete = false</c>.
/// </summary>
internal static class JsonKeySniffer
{
    public static (Dictionary<string, string?> Keys, bool Complete) TopLevel(ReadOnlySpan<byte> bytes, bool isFinalBlock, Func<string, bool>? nested = null)
    {
        var keys = new Dictionary<string, string?>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, isFinalBlock, new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 }));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (keys, isFinalBlock);
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    return (keys, true);
                }

                var key = reader.GetString()!;
                if (!reader.Read())
                {
                    return (keys, false);
                }

                if (reader.TokenType == JsonTokenType.StartObject && nested?.Invoke(key) == true)
                {
                    // One level down: record "key/member" names (CSAF's document/csaf_version).
                    keys[key] = null;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var member = key + "/" + reader.GetString();
                        if (!reader.Read())
                        {
                            return (keys, false);
                        }

                        keys[member] = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        if (!reader.TrySkip())
                        {
                            return (keys, false);
                        }
                    }

                    continue;
                }

                keys[key] = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (!reader.TrySkip())
                {
                    return (keys, false);
                }
            }

            return (keys, false);
        }
        catch (JsonException)
        {
            return (keys, true);
        }
    }
}
