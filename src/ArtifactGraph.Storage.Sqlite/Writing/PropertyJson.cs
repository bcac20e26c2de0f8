using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// Writes property maps as JSON objects with keys in ordinal order, so equal maps are equal text and
/// <c>json_patch</c> merges can be compared cheaply. One instance per writer: it reuses its buffer.
/// </summary>
internal sealed class PropertyJson : IDisposable
{
    public const string Empty = "{}";

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;
    private readonly List<KeyValuePair<string, string>> _sorted = [];

    public PropertyJson() => _writer = new Utf8JsonWriter(_buffer);

    public string Write(IReadOnlyDictionary<string, string> properties) =>
        properties.Count == 0 ? Empty : Encoding.UTF8.GetString(WriteUtf8(properties));

    /// <summary>
    /// The map as UTF-8 JSON, valid until the next write: bound as is (<see cref="Statement.BindUtf8"/>), it saves
    /// a string and a UTF-8 copy of it per row.
    /// </summary>
    public ReadOnlySpan<byte> WriteUtf8(IReadOnlyDictionary<string, string> properties)
    {
        if (properties.Count == 0)
        {
            return "{}"u8;
        }

        _sorted.Clear();
        foreach (var pair in new PropertyPairs(properties))
        {
            _sorted.Add(pair);
        }

        _sorted.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));

        _buffer.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        foreach (var (key, value) in _sorted)
        {
            _writer.WriteString(key, value);
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenSpan;
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

    /// <summary>The <c>live:</c> keys of a map as JSON, or null when it has none (see IGraphStore.GetNodeProperties).</summary>
    public string? WriteLive(IReadOnlyDictionary<string, string> properties)
    {
        Dictionary<string, string>? live = null;
        if (properties.Count == 0)
        {
            return null;
        }

        // Every node is asked and few have live keys.
        foreach (var (key, value) in new PropertyPairs(properties))
        {
            if (key.StartsWith(LivePrefix, StringComparison.Ordinal))
            {
                (live ??= new Dictionary<string, string>(StringComparer.Ordinal))[key] = value;
            }
        }

        return live is null ? null : Write(live);
    }

    public const string LivePrefix = "live:";

    public void Dispose() => _writer.Dispose();
}
