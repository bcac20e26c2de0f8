using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.Spdx3;

/// <summary>
/// Reads the document's <c>@graph</c> into elements keyed by spdxId. Rejects what cannot be an SPDX 3
/// JSON-LD document: no object, no SPDX 3 context and no SPDX 3 types, no <c>@graph</c> array, an entry
/// that is not an object or lacks <c>type</c> or <c>spdxId</c>, and two entries with one spdxId.
/// </summary>
internal static class Spdx3Graph
{
    public static (Spdx3Context Context, List<Spdx3Element> Elements) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DocumentRejectedException("/", "an SPDX 3 JSON-LD document is a JSON object");
        }

        var context = Spdx3Context.Read(root);
        if (!root.TryGetProperty("@graph", out var graph) || graph.ValueKind != JsonValueKind.Array)
        {
            throw new DocumentRejectedException("/@graph", context.NamesSpdx3
                ? "missing '@graph' array (SPDX 3 JSON-LD lists its elements there)"
                : $"not an SPDX 3 JSON-LD document: no '@graph' array and no SPDX 3 '@context' ({Spdx3Context.ContextUrl})");
        }

        var elements = new List<Spdx3Element>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, index) in graph.EnumerateArray().Select((e, i) => (e, i)))
        {
            var element = ReadElement(item, "/@graph/" + index, context);
            if (!ids.Add(element.Id))
            {
                throw new DocumentRejectedException(element.Pointer + "/spdxId", $"duplicate spdxId '{element.Id}'");
            }

            elements.Add(element);
        }

        if (!context.NamesSpdx3 && !elements.Exists(e => Spdx3Types.IsDistinctive(e.Type)))
        {
            throw new DocumentRejectedException("/@context", $"not an SPDX 3 document: the '@context' does not name {Spdx3Context.ContextUrl} and no element has an SPDX 3 type");
        }

        return (context, elements);
    }

    private static Spdx3Element ReadElement(JsonElement item, string pointer, Spdx3Context context)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new DocumentRejectedException(pointer, "a @graph entry must be a JSON object");
        }

        var properties = new Dictionary<string, (JsonElement, string)>(StringComparer.Ordinal);
        foreach (var property in item.EnumerateObject())
        {
            // First spelling wins when a document writes one term twice (e.g. both "type" and "@type").
            properties.TryAdd(context.Normalize(property.Name), (property.Value, pointer + "/" + Escape(property.Name)));
        }

        var type = properties.TryGetValue("type", out var t) ? FirstString(t.Item1) : null;
        if (string.IsNullOrWhiteSpace(type))
        {
            throw new DocumentRejectedException(pointer, "element has no 'type' (or '@type')");
        }

        var id = properties.TryGetValue("spdxId", out var i) && i.Item1.ValueKind == JsonValueKind.String ? i.Item1.GetString() : null;
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new DocumentRejectedException(pointer, $"element of type '{type}' has no 'spdxId' (or '@id')");
        }

        return new Spdx3Element(id, context.Normalize(type), pointer, properties);
    }

    private static string? FirstString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).FirstOrDefault(),
        _ => null,
    };

    private static string Escape(string name) =>
        name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
