using System.Globalization;
using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// Typed access to SPDX JSON fields. Scalars are read leniently (a number or boolean is taken as its text,
/// because YAML documents arrive here as text and tools disagree on <c>filesAnalyzed</c>), but an object or
/// array where a scalar belongs — or the reverse — rejects the document with its JSON pointer.
/// </summary>
internal static class Spdx2Json
{
    public static string? Scalar(JsonElement obj, string name, string pointer)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw WrongType(Child(pointer, name), "a string", value),
        };
    }

    public static JsonElement? Object(JsonElement obj, string name, string pointer)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw WrongType(Child(pointer, name), "an object", value);
    }

    /// <summary>An array whose items must be objects; empty when absent.</summary>
    public static IEnumerable<(JsonElement Item, string Pointer)> Objects(JsonElement obj, string name, string pointer) =>
        Array(obj, name, pointer).Select(e => e.Item.ValueKind == JsonValueKind.Object ? e : throw WrongType(e.Pointer, "an object", e.Item));

    /// <summary>An array whose items must be strings; empty when absent.</summary>
    public static IEnumerable<(string Item, string Pointer)> Strings(JsonElement obj, string name, string pointer) =>
        Array(obj, name, pointer).Select(e => e.Item.ValueKind == JsonValueKind.String ? (e.Item.GetString()!, e.Pointer) : throw WrongType(e.Pointer, "a string", e.Item));

    /// <summary>Appends a property name to a JSON pointer, escaping <c>~</c> and <c>/</c> (RFC 6901).</summary>
    public static string Child(string pointer, string name) => JsonPointers.Child(pointer, name);

    public static DocumentRejectedException WrongType(string pointer, string expected, JsonElement actual) =>
        JsonPointers.WrongType(pointer, expected, actual.ValueKind);

    private static IEnumerable<(JsonElement Item, string Pointer)> Array(JsonElement obj, string name, string pointer)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var arrayPointer = Child(pointer, name);
        return value.ValueKind != JsonValueKind.Array
            ? throw WrongType(arrayPointer, "an array", value)
            : value.EnumerateArray().Select((item, index) => (item, arrayPointer + "/" + index.ToString(CultureInfo.InvariantCulture)));
    }
}
