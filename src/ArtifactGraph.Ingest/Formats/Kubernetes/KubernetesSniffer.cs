using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.Kubernetes;

/// <summary>
/// Kubernetes objects: a top-level <c>apiVersion</c> and a <c>kind</c> that is a workload kind or a list
/// (<c>List</c>, <c>PodList</c>, …). JSON is checked on its top-level keys; YAML on its unindented lines (any
/// document of a multi-document stream).
/// </summary>
internal static class KubernetesSniffer
{
    public static bool IsKnownKind(string kind) => KubernetesPodSpec.WorkloadKinds.Contains(kind) || kind.EndsWith("List", StringComparison.Ordinal);

    public static bool LooksLikeJson(ReadOnlySpan<byte> content) => JsonSniffing.Decide(content, Scan);

    public static bool LooksLikeYaml(ReadOnlySpan<byte> content)
    {
        if (!YamlDocuments.StartsLikeYaml(content))
        {
            return false;
        }

        var lines = YamlDocuments.TopLevelLines(content).ToList();
        return lines.Any(l => l.Key == "apiVersion") && lines.Any(l => l.Key == "kind" && IsKnownKind(l.Value));
    }

    private static bool? Scan(ReadOnlySpan<byte> bytes, bool isFinalBlock)
    {
        var reader = new Utf8JsonReader(bytes, isFinalBlock, new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 }));
        bool hasApiVersion = false;
        string? kind = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return isFinalBlock ? false : null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isApiVersion = reader.ValueTextEquals("apiVersion"u8);
                var isKind = reader.ValueTextEquals("kind"u8);
                if (!reader.Read())
                {
                    return null;
                }

                hasApiVersion |= isApiVersion && reader.TokenType == JsonTokenType.String;
                kind = isKind && reader.TokenType == JsonTokenType.String ? reader.GetString() : kind;
                if (hasApiVersion && kind is not null)
                {
                    return IsKnownKind(kind);
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
