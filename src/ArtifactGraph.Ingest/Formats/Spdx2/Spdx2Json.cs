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
        Array(obj, name, pointer) is { } array ? Items(array, Child(pointer, name), JsonValueKind.Object, "an object") : [];

    /// <summary>An array whose items must be strings; empty when absent.</summary>
    public static IEnumerable<(string Item, string Pointer)> Strings(JsonElement obj, string name, string pointer)
    {
        return Array(obj, name, pointer) is { } array ? Read(array, Child(pointer, name)) : [];

        static IEnumerable<(string, string)> Read(JsonElement array, string arrayPointer)
        {
            foreach (var (item, itemPointer) in Items(array, arrayPointer, JsonValueKind.String, "a string"))
            {
                yield return (item.GetString()!, itemPointer);
            }
        }
    }

    /// <summary>Appends a property name to a JSON pointer, escaping <c>~</c> and <c>/</c> (RFC 6901).</summary>
    public static string Child(string pointer, string name) => JsonPointers.Child(pointer, name);

    public static DocumentRejectedException WrongType(string pointer, string expected, JsonElement actual) =>
        JsonPointers.WrongType(pointer, expected, actual.ValueKind);

    /// <summary>The array member (checked now, as the caller asks); null when absent or null.</summary>
    private static JsonElement? Array(JsonElement obj, string name, string pointer)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind != JsonValueKind.Array ? throw WrongType(Child(pointer, name), "an array", value) : value;
    }

    /// <summary>
    /// The items with their pointers, each checked for its kind when reached (an item before a bad one is read
    /// first). One iterator per array: LINQ's Select, its closure and delegate per array were a tenth of the
    /// garbage of a file-heavy document.
    /// </summary>
    private static IEnumerable<(JsonElement Item, string Pointer)> Items(JsonElement array, string arrayPointer, JsonValueKind kind, string expected)
    {
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPointer = arrayPointer + "/" + index++.ToString(CultureInfo.InvariantCulture);
            yield return item.ValueKind == kind ? (item, itemPointer) : throw WrongType(itemPointer, expected, item);
        }
    }
}
