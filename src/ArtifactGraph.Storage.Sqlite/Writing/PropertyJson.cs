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

    public string Write(IReadOnlyDictionary<string, string> properties)
    {
        if (properties.Count == 0)
        {
            return Empty;
        }

        _sorted.Clear();
        _sorted.AddRange(properties);
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
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    public void Dispose() => _writer.Dispose();
}
