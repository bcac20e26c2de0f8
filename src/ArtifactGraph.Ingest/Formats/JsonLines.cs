using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats;

/// <summary>
/// One JSON value, or JSON lines (<c>*.jsonl</c>: one value per line, as slsa-github-generator and
/// Sigstore tools write attestations). Each value comes with the pointer prefix rejections use:
/// empty for a single value, <c>line N:</c> for JSON lines.
/// </summary>
internal static class JsonLines
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public static List<(JsonDocument Document, string Pointer)> Parse(ReadOnlyMemory<byte> content)
    {
        if (content.Span.StartsWith(System.Text.Encoding.UTF8.Preamble))
        {
            content = content[System.Text.Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return [(JsonDocument.Parse(content, Options), string.Empty)];
        }
        catch (JsonException whole)
        {
            var lines = Lines(content);
            if (lines.Count < 2)
            {
                throw Malformed(whole, 0);
            }

            var documents = new List<(JsonDocument, string)>();
            try
            {
                foreach (var (line, number) in lines)
                {
                    try
                    {
                        documents.Add((JsonDocument.Parse(line, Options), $"line {number}:"));
                    }
                    catch (JsonException ex)
                    {
                        throw Malformed(ex, number - 1);
                    }
                }
            }
            catch
            {
                documents.ForEach(d => d.Item1.Dispose());
                throw;
            }

            return documents;
        }
    }

    private static List<(ReadOnlyMemory<byte> Line, int Number)> Lines(ReadOnlyMemory<byte> content)
    {
        var lines = new List<(ReadOnlyMemory<byte>, int)>();
        var start = 0;
        var number = 1;
        var span = content.Span;
        while (start <= span.Length)
        {
            var end = span[start..].IndexOf((byte)'\n');
            var length = end < 0 ? span.Length - start : end;
            var line = content.Slice(start, length);
            if (!line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                lines.Add((line, number));
            }

            if (end < 0)
            {
                break;
            }

            start += end + 1;
            number++;
        }

        return lines;
    }

    private static DocumentRejectedException Malformed(JsonException ex, int lineOffset)
    {
        var location = $"line {(ex.LineNumber ?? 0) + 1 + lineOffset}, byte {(ex.BytePositionInLine ?? 0) + 1}";
        var message = ex.Message.IndexOf(" LineNumber:", StringComparison.Ordinal) is > 0 and var cut ? ex.Message[..cut].TrimEnd() : ex.Message;
        return new DocumentRejectedException(location, "malformed JSON: " + message, ex);
    }
}
