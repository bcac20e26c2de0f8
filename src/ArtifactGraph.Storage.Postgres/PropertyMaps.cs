using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ArtifactGraph.Storage.Postgres;

/// <summary>
/// Property maps as JSON objects for jsonb columns. jsonb keeps its own key order and compares by value, so
/// unlike the SQLite store no canonical text is needed. One instance per writer: it reuses its buffer.
/// </summary>
internal sealed class PropertyMaps : IDisposable
{
    public const string Empty = "{}";

    /// <summary>Keys whose value is the latest committed document's, not the first (see IGraphStore.GetNodeProperties).</summary>
    public const string LivePrefix = "live:";

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public PropertyMaps() => _writer = new Utf8JsonWriter(_buffer);

    public string Write(IReadOnlyDictionary<string, string> properties) => properties.Count == 0 ? Empty : Write(properties, live: false);

    /// <summary>The <c>live:</c> keys of a map as JSON, or null when it has none.</summary>
    public string? WriteLive(IReadOnlyDictionary<string, string> properties)
    {
        foreach (var key in properties.Keys)
        {
            if (key.StartsWith(LivePrefix, StringComparison.Ordinal))
            {
                return Write(properties, live: true);
            }
        }

        return null;
    }

    /// <summary>Reads a stored property map (a JSON object of strings; other values are kept as their JSON text).</summary>
    public static IReadOnlyDictionary<string, string> Read(string json)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json.Length <= 2)
        {
            return map;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        return map;
    }

    public void Dispose() => _writer.Dispose();

    private string Write(IReadOnlyDictionary<string, string> properties, bool live)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        foreach (var (key, value) in properties)
        {
            if (!live || key.StartsWith(LivePrefix, StringComparison.Ordinal))
            {
                _writer.WriteString(key, value);
            }
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
