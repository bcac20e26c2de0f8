using System.Text.Json;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Advisories;

/// <summary>
/// The shared frame of the advisory/VEX JSON readers (documents are small, so parsed whole): BOM skipped,
/// malformed JSON rejected at <c>line N, byte M</c>, a non-object top level at <c>/</c>, and any unexpected
/// exception turned into a rejection of this one document.
/// </summary>
internal static class AdvisoryJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public static IngestBatch Run(string what, DocumentInput input, Func<JsonElement, IngestBatch> map)
    {
        var content = input.Content;
        if (JsonSniffing.SkipBom(content.Span).Length != content.Length)
        {
            content = content[3..];
        }

        try
        {
            using var document = JsonDocument.Parse(content, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DocumentRejectedException("/", $"an {what} document is a JSON object");
            }

            return map(document.RootElement);
        }
        catch (DocumentRejectedException)
        {
            throw;
        }
        catch (JsonException ex)
        {
            var location = $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}";
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new DocumentRejectedException(location, "malformed JSON: " + (cut > 0 ? message[..cut].TrimEnd() : message), ex);
        }
        catch (Exception ex)
        {
            // A reader bug must still reject one document, not take down a batch.
            throw new DocumentRejectedException("/", $"could not read the {what} document ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }
}
