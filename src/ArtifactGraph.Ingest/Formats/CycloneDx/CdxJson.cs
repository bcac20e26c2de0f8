using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Typed access to known CycloneDX fields. A field of the wrong JSON type rejects the document with its
/// JSON pointer; an absent field (or an explicit <c>null</c>, which some tools write) reads as absent.
/// </summary>
internal static class CdxJson
{
    public static string? OptionalString(JsonElement obj, string name, string pointer)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw WrongType(Child(pointer, name), "a string", value);
    }

    public static JsonElement? OptionalObject(JsonElement obj, string name, string pointer)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw WrongType(Child(pointer, name), "an object", value);
    }

    /// <summary>The array's items with their pointers; empty when the field is absent.</summary>
    public static IEnumerable<(JsonElement Item, string Pointer)> OptionalArray(JsonElement obj, string name, string pointer)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var arrayPointer = Child(pointer, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(arrayPointer, "an array", value);
        }

        return value.EnumerateArray().Select((item, index) => (item, arrayPointer + "/" + index));
    }

    /// <summary>An array whose items must all be objects (components, hashes, licenses ...).</summary>
    public static IEnumerable<(JsonElement Item, string Pointer)> ObjectArray(JsonElement obj, string name, string pointer) =>
        OptionalArray(obj, name, pointer).Select(e => e.Item.ValueKind == JsonValueKind.Object ? e : throw WrongType(e.Pointer, "an object", e.Item));

    /// <summary>An array whose items must all be strings (dependsOn, provides).</summary>
    public static IEnumerable<(string Item, string Pointer)> StringArray(JsonElement obj, string name, string pointer) =>
        OptionalArray(obj, name, pointer).Select(e => e.Item.ValueKind == JsonValueKind.String ? (e.Item.GetString()!, e.Pointer) : throw WrongType(e.Pointer, "a string", e.Item));

    /// <summary>Appends a property name to a JSON pointer, escaping <c>~</c> and <c>/</c> (RFC 6901).</summary>
    public static string Child(string pointer, string name) => JsonPointers.Child(pointer, name);

    public static DocumentRejectedException WrongType(string pointer, string expected, JsonElement actual) =>
        JsonPointers.WrongType(pointer, expected, actual.ValueKind);

    /// <summary>The same rejection for a value seen only as its first token (the streaming reader's view).</summary>
    public static DocumentRejectedException WrongType(string pointer, string expected, JsonTokenType actual) =>
        JsonPointers.WrongType(pointer, expected, actual switch
        {
            JsonTokenType.StartObject => JsonValueKind.Object,
            JsonTokenType.StartArray => JsonValueKind.Array,
            JsonTokenType.String => JsonValueKind.String,
            JsonTokenType.Number => JsonValueKind.Number,
            JsonTokenType.True => JsonValueKind.True,
            JsonTokenType.False => JsonValueKind.False,
            _ => JsonValueKind.Null,
        });
}
