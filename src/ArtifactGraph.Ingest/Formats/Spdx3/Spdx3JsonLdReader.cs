using System.Text;
using System.Text.Json;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx3;

/// <summary>
/// Reads SPDX 3.0.1 JSON-LD (the published context, or inline/array contexts, compact or full-IRI terms)
/// into an <see cref="IngestBatch"/>. Pure: bytes in, batch out. Every failure leaves as
/// <see cref="DocumentRejectedException"/> with a JSON pointer or a line and byte.
/// </summary>
internal sealed class Spdx3JsonLdReader : IDocumentReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public string Format => "SPDX-3-JSONLD";

    public bool CanRead(DocumentInput input) => Spdx3Sniffer.LooksLikeSpdx3(input.Content.Span);

    public IngestBatch Read(DocumentInput input)
    {
        var content = input.Content;
        if (content.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            content = content[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            using var document = JsonDocument.Parse(content, Options);
            return Spdx3DocumentMapper.Map(document.RootElement, input, Format);
        }
        catch (DocumentRejectedException)
        {
            throw;
        }
        catch (JsonException ex)
        {
            var location = $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}";
            var message = ex.Message.IndexOf(" LineNumber:", StringComparison.Ordinal) is > 0 and var cut ? ex.Message[..cut].TrimEnd() : ex.Message;
            throw new DocumentRejectedException(location, "malformed JSON: " + message, ex);
        }
        catch (Exception ex)
        {
            // A reader bug must still reject one document, not take down a batch.
            throw new DocumentRejectedException("/", $"could not read the SPDX 3 document ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }
}
