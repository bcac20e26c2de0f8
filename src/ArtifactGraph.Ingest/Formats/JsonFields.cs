using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats;

/// <summary>
/// Typed access to known fields of a parsed JSON document, for the readers that hold their (small) documents
/// whole: a field of the wrong JSON type rejects with its pointer; absent and <c>null</c> read as absent.
/// </summary>
internal static class JsonFields
{
    public static string? String(JsonElement obj, string name, string pointer)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw JsonPointers.WrongType(JsonPointers.Child(pointer, name), "a string", value.ValueKind);
    }

    public static string RequiredString(JsonElement obj, string name, string pointer, string what) =>
        String(obj, name, pointer) is { } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new DocumentRejectedException(JsonPointers.Child(pointer, name), $"{what} is required and must not be empty");

    public static JsonElement? Object(JsonElement obj, string name, string pointer)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw JsonPointers.WrongType(JsonPointers.Child(pointer, name), "an object", value.ValueKind);
    }

    public static IEnumerable<(JsonElement Item, string Pointer)> Array(JsonElement obj, string name, string pointer)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var arrayPointer = JsonPointers.Child(pointer, name);
        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select((item, index) => (item, arrayPointer + "/" + index)).ToList()
            : throw JsonPointers.WrongType(arrayPointer, "an array", value.ValueKind);
    }

    public static IEnumerable<(JsonElement Item, string Pointer)> ObjectArray(JsonElement obj, string name, string pointer) =>
        Array(obj, name, pointer).Select(e => e.Item.ValueKind == JsonValueKind.Object ? e : throw JsonPointers.WrongType(e.Pointer, "an object", e.Item.ValueKind)).ToList();

    public static IReadOnlyList<(string Item, string Pointer)> StringArray(JsonElement obj, string name, string pointer) =>
        Array(obj, name, pointer).Select(e => e.Item.ValueKind == JsonValueKind.String ? (e.Item.GetString()!, e.Pointer) : throw JsonPointers.WrongType(e.Pointer, "a string", e.Item.ValueKind)).ToList();

    /// <summary>A number written as a JSON number or as a numeric string (YAML scalars arrive as strings).</summary>
    public static double? Number(JsonElement obj, string name, string pointer)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        return value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw JsonPointers.WrongType(JsonPointers.Child(pointer, name), "a number", value.ValueKind);
    }

    /// <summary>A timestamp field; unparsable → a warning through <paramref name="warn"/> and null.</summary>
    public static DateTimeOffset? Timestamp(JsonElement obj, string name, string pointer, Action<string, string> warn)
    {
        var text = String(obj, name, pointer);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        warn(JsonPointers.Child(pointer, name), $"'{text}' is not a timestamp; ignored");
        return null;
    }
}
