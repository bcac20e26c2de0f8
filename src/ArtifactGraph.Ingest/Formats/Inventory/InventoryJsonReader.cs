using System.Text.Json;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Spdx2;

namespace ArtifactGraph.Ingest.Formats.Inventory;

/// <summary>The artifactgraph/v1 deployment inventory as JSON (graph-schema/inventory.schema.json).</summary>
internal sealed class InventoryJsonReader : IDocumentReader
{
    public string Format => "Inventory-JSON";

    public bool CanRead(DocumentInput input) => InventorySniffer.LooksLikeJson(input.Content.Span);

    public IngestBatch Read(DocumentInput input) => Spdx2Guard.Run(Format, () =>
    {
        using var document = InventoryJsonText.Parse(input.Content);
        var inventory = InventoryParser.Parse(document.RootElement);
        return DeploymentMapper.Map(inventory, input, Format, input.NewBuilder());
    });
}

/// <summary>JSON text → document, malformed input rejected at its line and byte.</summary>
internal static class InventoryJsonText
{
    public static JsonDocument Parse(ReadOnlyMemory<byte> content)
    {
        try
        {
            return JsonDocument.Parse(content.Length >= 3 && content.Span[..3].SequenceEqual("\uFEFF"u8) ? content[3..] : content, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw new DocumentRejectedException($"line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}", "malformed JSON: " + ex.Message, ex);
        }
    }
}
