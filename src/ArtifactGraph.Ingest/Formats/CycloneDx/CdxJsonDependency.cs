using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// One <c>dependencies[]</c> entry read straight from its bytes with a <see cref="Utf8JsonReader"/>: a BOM has
/// one entry per component, and a <see cref="JsonDocument"/> per entry (parse, metadata rows, name lookups) was
/// a tenth of the reader's time. Same rules and messages as a whole-document read: a repeated member counts
/// with its last value; <c>ref</c> is checked first, then <c>dependsOn</c>, then <c>provides</c>.
/// </summary>
internal static class CdxJsonDependency
{
    /// <param name="entry">The entry's bytes, already known to be a syntactically valid object.</param>
    public static CdxDependency Read(ReadOnlyMemory<byte> entry, string pointer)
    {
        var span = entry.Span;
        var reader = new Utf8JsonReader(span, CdxJsonItems.ReaderOptions);
        reader.Read(); // '{'
        int refAt = -1, dependsOnAt = -1, providesAt = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ref var slot = ref refAt;
            var known = true;
            if (reader.ValueTextEquals("dependsOn"u8))
            {
                slot = ref dependsOnAt;
            }
            else if (reader.ValueTextEquals("provides"u8))
            {
                slot = ref providesAt;
            }
            else if (!reader.ValueTextEquals("ref"u8))
            {
                known = false;
            }

            reader.Read();
            if (known)
            {
                slot = (int)reader.TokenStartIndex;
            }

            reader.Skip();
        }

        var reference = ReadRef(span, refAt, pointer)
            ?? throw new DocumentRejectedException(pointer, "dependency has no 'ref'");
        return new CdxDependency(
            new CdxRef(reference, CdxLocation.Member(pointer, "ref")),
            RefArray(span, dependsOnAt, pointer, "dependsOn"),
            RefArray(span, providesAt, pointer, "provides"));
    }

    /// <summary>The string at <paramref name="at"/>; null when absent or null.</summary>
    private static string? ReadRef(ReadOnlySpan<byte> span, int at, string pointer)
    {
        if (at < 0)
        {
            return null;
        }

        var reader = ValueAt(span, at);
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            var other => throw CdxJson.WrongType(CdxJson.Child(pointer, "ref"), "a string", other),
        };
    }

    private static List<CdxRef> RefArray(ReadOnlySpan<byte> span, int at, string pointer, string name)
    {
        if (at < 0)
        {
            return [];
        }

        var reader = ValueAt(span, at);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        var arrayPointer = CdxJson.Child(pointer, name);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw CdxJson.WrongType(arrayPointer, "an array", reader.TokenType);
        }

        var refs = new List<CdxRef>();
        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            refs.Add(reader.TokenType == JsonTokenType.String
                ? new CdxRef(reader.GetString()!, CdxLocation.Item(arrayPointer, index))
                : throw CdxJson.WrongType(CdxLocation.Item(arrayPointer, index).ToString(), "a string", reader.TokenType));
        }

        return refs;
    }

    /// <summary>A reader on the value that starts at <paramref name="at"/>, its first token read.</summary>
    private static Utf8JsonReader ValueAt(ReadOnlySpan<byte> span, int at)
    {
        var reader = new Utf8JsonReader(span[at..], CdxJsonItems.ReaderOptions);
        reader.Read();
        return reader;
    }
}
