using System.Buffers;
using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// One <c>dependencies[]</c> entry read straight from its bytes with a <see cref="Utf8JsonReader"/> and mapped ref
/// by ref into <see cref="CdxDependencies"/>: each ref is copied into a reused character buffer and resolved from
/// there, so no string, ref object or list is made per ref. Same rules and messages as a whole-document read: a
/// repeated member counts with its last value; <c>ref</c> is checked first, then <c>dependsOn</c>, then
/// <c>provides</c>; a wrong shape anywhere in the entry throws even after a ref failed to resolve (the failure
/// is held, and a shape error wins over it).
/// </summary>
internal static class CdxJsonDependency
{
    // Escaped refs are unescaped here; a longer one swaps the pooled buffer for a larger one.
    private const int BufferBytes = 512;

    /// <param name="entry">The entry's bytes, already known to be a syntactically valid object.</param>
    /// <param name="at">The entry's location, e.g. <c>/dependencies/3</c>.</param>
    /// <param name="sink">Where refs are mapped; null when the document has already failed (shape checks only).</param>
    public static void Map(ReadOnlySpan<byte> entry, CdxLocation at, CdxDependencies? sink)
    {
        var reader = new Utf8JsonReader(entry, CdxJsonItems.ReaderOptions);
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

        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            var reference = ValueAt(entry, refAt);
            if (refAt < 0 || reference.TokenType == JsonTokenType.Null)
            {
                throw new DocumentRejectedException(at.ToString(), "dependency has no 'ref'");
            }

            if (reference.TokenType != JsonTokenType.String)
            {
                throw CdxJson.WrongType(at.Child("ref").ToString(), "a string", reference.TokenType);
            }

            sink?.Begin(Utf8(ref reference, ref buffer), at.Child("ref"));
            Refs(entry, dependsOnAt, at, "dependsOn", sink, ref buffer);
            Refs(entry, providesAt, at, "provides", sink, ref buffer);
            sink?.End();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The refs of the array at <paramref name="arrayAt"/> (absent or null: none), each handed to the sink in order.</summary>
    private static void Refs(ReadOnlySpan<byte> entry, int arrayAt, CdxLocation at, string name, CdxDependencies? sink, ref byte[] buffer)
    {
        if (arrayAt < 0)
        {
            return;
        }

        var reader = ValueAt(entry, arrayAt);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw CdxJson.WrongType(at.Child(name).ToString(), "an array", reader.TokenType);
        }

        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw CdxJson.WrongType(at.ChildItem(name, index).ToString(), "a string", reader.TokenType);
            }

            if (sink is null)
            {
                continue;
            }

            var utf8 = Utf8(ref reader, ref buffer);
            if (name == "dependsOn")
            {
                sink.DependsOn(utf8, at.ChildItem(name, index));
            }
            else
            {
                sink.Provides(utf8, at.ChildItem(name, index));
            }
        }
    }

    /// <summary>
    /// The current string token's UTF-8 bytes, unescaped: where they lie when nothing is escaped, else in
    /// <paramref name="buffer"/> (replaced by a larger pooled one when too small).
    /// </summary>
    private static ReadOnlySpan<byte> Utf8(ref Utf8JsonReader reader, ref byte[] buffer)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return reader.ValueSpan;
        }

        // Unescaping never lengthens a string.
        var needed = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (needed > buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(needed);
        }

        return buffer.AsSpan(0, reader.CopyString(buffer));
    }

    /// <summary>A reader on the value that starts at <paramref name="at"/>, its first token read (none when absent).</summary>
    private static Utf8JsonReader ValueAt(ReadOnlySpan<byte> span, int at)
    {
        var reader = new Utf8JsonReader(at < 0 ? default : span[at..], CdxJsonItems.ReaderOptions);
        if (at >= 0)
        {
            reader.Read();
        }

        return reader;
    }
}
