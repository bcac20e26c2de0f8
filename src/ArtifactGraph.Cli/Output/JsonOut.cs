using System.Text.Encodings.Web;
using System.Text.Json;

namespace ArtifactGraph.Cli.Output;

/// <summary>Writes one indented JSON object to the command's output, the shape documented in README.md.</summary>
internal static class JsonOut
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // Purls carry '+', '&' and '@'; escaping them as \u002B would make the output harder to grep.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            body(writer);
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>A property whose value is an array of strings.</summary>
    public static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
