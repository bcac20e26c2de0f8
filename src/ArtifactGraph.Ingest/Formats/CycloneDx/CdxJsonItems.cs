using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Navigation over raw JSON bytes already checked by <see cref="CdxJsonTopLevel.Scan"/>: the items of an
/// array and the value of an object member, as slices of the document's own memory (nothing is copied), so
/// one item at a time can be parsed into a small <see cref="JsonDocument"/>.
/// </summary>
internal static class CdxJsonItems
{
    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    /// <summary>The items of an array value: each item's bytes, its first token and its index.</summary>
    public static IEnumerable<(ReadOnlyMemory<byte> Item, JsonTokenType Token, int Index)> Items(ReadOnlyMemory<byte> array)
    {
        var cursor = new Cursor(array);
        for (var index = 0; cursor.MoveNext(); index++)
        {
            yield return (array.Slice(cursor.Start, cursor.Length), cursor.Token, index);
        }
    }

    /// <summary>
    /// The value of member <paramref name="name"/> of an object value; null when absent. A repeated member
    /// yields its last value, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> does.
    /// </summary>
    public static ReadOnlyMemory<byte>? Property(ReadOnlyMemory<byte> obj, string name)
    {
        var reader = new Utf8JsonReader(obj.Span, ReaderOptions);
        reader.Read();
        ReadOnlyMemory<byte>? found = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (match)
            {
                found = obj[start..(int)reader.BytesConsumed];
            }
        }

        return found;
    }

    /// <summary>
    /// Steps through an array one item per call. A <see cref="Utf8JsonReader"/> cannot live across an iterator's
    /// yield, so each step resumes a new one from the saved offset and reader state.
    /// </summary>
    private sealed class Cursor(ReadOnlyMemory<byte> array)
    {
        private JsonReaderState _state = new(ReaderOptions);
        private int _offset;
        private bool _inside;

        public int Start { get; private set; }

        public int Length { get; private set; }

        public JsonTokenType Token { get; private set; }

        public bool MoveNext()
        {
            var reader = new Utf8JsonReader(array.Span[_offset..], isFinalBlock: true, _state);
            if (!_inside)
            {
                reader.Read(); // the array's '['
                _inside = true;
            }

            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                return false;
            }

            Token = reader.TokenType;
            Start = _offset + (int)reader.TokenStartIndex;
            reader.Skip();
            Length = _offset + (int)reader.BytesConsumed - Start;
            _offset += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            return true;
        }
    }
}
