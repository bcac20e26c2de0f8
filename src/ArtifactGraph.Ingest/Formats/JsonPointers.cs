using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats;

/// <summary>
/// What every JSON reader says the same way: RFC 6901 pointers to the offending value, and the
/// "expected X, found Y" rejection for a value of the wrong JSON type.
/// </summary>
internal static class JsonPointers
{
    /// <summary>Appends a property name to a JSON pointer, escaping <c>~</c> and <c>/</c> (RFC 6901).</summary>
    public static string Child(string pointer, string name) =>
        pointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static DocumentRejectedException WrongType(string pointer, string expected, JsonValueKind actual) =>
        new(pointer, $"expected {expected}, found {Describe(actual)}");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
