using System.Text.Json;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>Reads SPDX 2.2/2.3 JSON: parse → wire model (JSON pointers) → <see cref="Spdx2Mapper"/>.</summary>
internal sealed class Spdx2JsonReader : IDocumentReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public string Format => "SPDX-2-JSON";

    public bool CanRead(DocumentInput input) => Spdx2JsonSniffer.LooksLikeSpdx2Json(input.Content.Span);

    public IngestBatch Read(DocumentInput input) => Spdx2Guard.Run(Format, () =>
    {
        var content = input.Content;
        content = content[(content.Length - Spdx2JsonSniffer.SkipBom(content.Span).Length)..];
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(content, Options);
        }
        catch (JsonException ex)
        {
            var location = $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}";
            throw new DocumentRejectedException(location, "malformed JSON: " + FirstSentence(ex.Message), ex);
        }

        using (json)
        {
            var builder = input.NewBuilder();
            var document = Spdx2JsonParser.Parse(json.RootElement, builder);
            return Spdx2Mapper.Map(document, input, Format, builder);
        }
    });

    // JsonException messages end with "LineNumber: n | BytePositionInLine: m." which the location already says.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }
}
