using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Typed access to known CycloneDX fields. A field of the wrong JSON type rejects the document with its
/// JSON pointer; an absent field (or an explicit <c>null</c>, which some tools write) reads as absent.
/// </summary>
internal static class CdxJson
{
    public static string? OptionalString(JsonElement obj, string name, CdxLocation pointer)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw WrongType(pointer.Child(name).ToString(), "a string", value);
    }

    public static JsonElement? OptionalObject(JsonElement obj, string name, CdxLocation pointer)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw WrongType(pointer.Child(name).ToString(), "an object", value);
    }

    /// <summary>An array whose items must all be objects (components, hashes, licenses ...), with their pointers; empty when the field is absent.</summary>
    public static IEnumerable<(JsonElement Item, CdxLocation Pointer)> ObjectArray(JsonElement obj, string name, CdxLocation pointer)
    {
        if (OptionalArray(obj, name, pointer) is not { } array)
        {
            return [];
        }

        var arrayPointer = pointer.Child(name).ToString();
        return array.EnumerateArray().Select((item, index) => (RequireObject(item, arrayPointer, index), CdxLocation.Item(arrayPointer, index)));
    }

    /// <summary>The member's array; null when absent or null; anything else rejects. Items are checked by the caller (<see cref="RequireObject(JsonElement, string, string, int)"/>).</summary>
    public static JsonElement? OptionalArray(JsonElement obj, string name, CdxLocation pointer)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Array ? value : throw WrongType(pointer.Child(name).ToString(), "an array", value);
    }

    /// <summary>Item <paramref name="index"/> of the array at <paramref name="parent"/>/<paramref name="name"/> must be an object.</summary>
    public static JsonElement RequireObject(JsonElement item, string parent, string name, int index) =>
        item.ValueKind == JsonValueKind.Object ? item : throw WrongType(CdxLocation.Item(parent, name, index).ToString(), "an object", item);

    private static JsonElement RequireObject(JsonElement item, string arrayPointer, int index) =>
        item.ValueKind == JsonValueKind.Object ? item : throw WrongType(CdxLocation.Item(arrayPointer, index).ToString(), "an object", item);

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
