using System.Text.Json;
using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Ingest.Formats.Spdx3;

/// <summary>
/// One <c>@graph</c> entry with its type and property names normalised (<see cref="Spdx3Context.Normalize"/>),
/// its JSON pointer, and the node it became (packages and hashed files only).
/// </summary>
internal sealed class Spdx3Element(string id, string type, string pointer, Dictionary<string, (JsonElement Value, string Pointer)> properties)
{
    public string Id { get; } = id;

    public string Type { get; } = type;

    public string Pointer { get; } = pointer;

    public NodeRef? Node { get; set; }

    public bool Has(string name) => properties.ContainsKey(name);

    /// <summary>A string property; rejects a value of another JSON type.</summary>
    public string? String(string name)
    {
        if (!properties.TryGetValue(name, out var property) || property.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return property.Value.ValueKind == JsonValueKind.String
            ? property.Value.GetString()
            : throw new DocumentRejectedException(property.Pointer, $"'{name}' must be a string");
    }

    /// <summary>A property holding one value or an array of values, as (value, pointer) pairs.</summary>
    public IEnumerable<(JsonElement Value, string Pointer)> Values(string name)
    {
        if (!properties.TryGetValue(name, out var property) || property.Value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return property.Value.ValueKind == JsonValueKind.Array
            ? property.Value.EnumerateArray().Select((v, i) => (v, property.Pointer + "/" + i))
            : [(property.Value, property.Pointer)];
    }

    /// <summary>A property holding references (strings), one or an array; rejects other JSON types.</summary>
    public IEnumerable<(string Ref, string Pointer)> Refs(string name) =>
        Values(name).Select(v => v.Value.ValueKind == JsonValueKind.String
            ? (v.Value.GetString()!, v.Pointer)
            : throw new DocumentRejectedException(v.Pointer, $"'{name}' must name elements by their spdxId (strings)"));

    /// <summary>The value as written, for a property without a mapping.</summary>
    public (JsonElement Value, string Pointer)? Raw(string name) => properties.TryGetValue(name, out var p) ? p : null;
}
