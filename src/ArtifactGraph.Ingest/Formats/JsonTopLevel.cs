using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats;

/// <summary>
/// Sniffing by top-level members: the names (and short string values) of the first JSON object's members,
/// read without building a document. For formats told apart by which members they have (in-toto, DSSE,
/// Sigstore bundles, Scorecard results).
/// </summary>
internal static class JsonTopLevel
{
    /// <summary>True/false when decided; null when the bytes ran out before the verdict could be true.</summary>
    public static bool Sniff(ReadOnlySpan<byte> content, Func<IReadOnlyDictionary<string, string?>, bool> matches) =>
        JsonSniffing.Decide(content, (bytes, isFinal) =>
        {
            var (members, complete) = Read(bytes, isFinal);
            return matches(members) ? true : complete ? false : null;
        });

    private static (Dictionary<string, string?> Members, bool Complete) Read(ReadOnlySpan<byte> bytes, bool isFinal)
    {
        var members = new Dictionary<string, string?>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(JsonSniffing.SkipBom(bytes), isFinal, new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true }));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (members, true);
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    return (members, true);
                }

                var name = reader.GetString()!;
                if (!reader.Read())
                {
                    break;
                }

                string? value = reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length < 512 ? reader.GetString() : null;
                members.TryAdd(name, value);
                if (!reader.TrySkip())
                {
                    break;
                }
            }
        }
        catch (JsonException)
        {
            return (members, true);
        }

        return (members, isFinal);
    }
}
