using System.Text.Json;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Reads CycloneDX JSON (spec 1.0 to 1.7) into an <see cref="IngestBatch"/>. Pure: bytes in, batch out.
/// Every failure leaves as <see cref="DocumentRejectedException"/> with a JSON pointer or a line.
/// </summary>
internal sealed class CycloneDxJsonReader : IDocumentReader
{
    public string Format => "CycloneDX-JSON";

    public bool CanRead(DocumentInput input) => CdxSniffer.LooksLikeCycloneDx(input.Content.Span);

    public IngestBatch Read(DocumentInput input)
    {
        var content = input.Content;
        if (CdxSniffer.SkipBom(content.Span).Length != content.Length)
        {
            content = content[3..];
        }

        try
        {
            return CdxJsonStream.Read(content, input, Format);
        }
        catch (DocumentRejectedException)
        {
            throw;
        }
        catch (JsonException ex)
        {
            var location = $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}";
            throw new DocumentRejectedException(location, "malformed JSON: " + FirstSentence(ex.Message), ex);
        }
        catch (Exception ex)
        {
            // A reader bug must still reject one document, not take down a batch.
            throw new DocumentRejectedException("/", $"could not read the CycloneDX document ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    // JsonException messages end with "LineNumber: n | BytePositionInLine: m." which the location already says.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }
}
