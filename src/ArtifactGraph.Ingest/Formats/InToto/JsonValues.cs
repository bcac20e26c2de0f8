using System.Globalization;
using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.InToto;

/// <summary>Small, strict accessors over <see cref="JsonElement"/> that reject with a JSON pointer.</summary>
internal static class JsonValues
{
    private const int MaxPropertyChars = 2048;

    public static string? OptionalString(JsonElement parent, string name, string pointer)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw JsonPointers.WrongType(JsonPointers.Child(pointer, name), "a string", value.ValueKind);
    }

    public static JsonElement? OptionalObject(JsonElement parent, string name, string pointer)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw JsonPointers.WrongType(JsonPointers.Child(pointer, name), "an object", value.ValueKind);
    }

    public static JsonElement? OptionalArray(JsonElement parent, string name, string pointer)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Array
            ? value
            : throw JsonPointers.WrongType(JsonPointers.Child(pointer, name), "an array", value.ValueKind);
    }

    public static string RequiredString(JsonElement parent, string name, string pointer) =>
        OptionalString(parent, name, pointer) is { Length: > 0 } value
            ? value
            : throw new DocumentRejectedException(JsonPointers.Child(pointer, name), $"\"{name}\" is required");

    /// <summary>A value as compact JSON, cut at 2 KB with the full length said, for <c>slsa:*</c> properties.</summary>
    public static string? Compact(JsonElement? value)
    {
        if (value is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        string text;
        if (element.ValueKind == JsonValueKind.String)
        {
            text = element.GetString()!;
        }
        else
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                element.WriteTo(writer);
            }

            text = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        if (text is "{}" or "[]" or "")
        {
            return null;
        }

        return text.Length <= MaxPropertyChars
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{text[..MaxPropertyChars]}… (truncated, {text.Length} characters)");
    }

    public static DateTimeOffset? OptionalTime(JsonElement parent, string name, string pointer, AttestationDocument document)
    {
        var text = OptionalString(parent, name, pointer);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        document.Builder.Warn(JsonPointers.Child(pointer, name), $"'{text}' is not a date-time; ignored");
        return null;
    }
}
