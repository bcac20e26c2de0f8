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
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var arrayPointer = pointer.Child(name).ToString();
        return value.ValueKind == JsonValueKind.Array
            ? Objects(value, arrayPointer)
            : throw WrongType(arrayPointer, "an array", value);
    }

    private static IEnumerable<(JsonElement Item, CdxLocation Pointer)> Objects(JsonElement array, string arrayPointer)
    {
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = CdxLocation.Item(arrayPointer, index++);
            yield return item.ValueKind == JsonValueKind.Object ? (item, at) : throw WrongType(at.ToString(), "an object", item);
        }
    }

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
