using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Spdx2;

namespace ArtifactGraph.Ingest.Formats.Inventory;

/// <summary>The artifactgraph/v1 deployment inventory as YAML: the same fields as JSON; rejections name the line.</summary>
internal sealed class InventoryYamlReader : IDocumentReader
{
    public string Format => "Inventory-YAML";

    public bool CanRead(DocumentInput input) => InventorySniffer.LooksLikeYaml(input.Content.Span);

    public IngestBatch Read(DocumentInput input) => Spdx2Guard.Run(Format, () =>
    {
        var documents = YamlDocuments.Read(input.Content).ToList();
        if (documents.Count != 1)
        {
            throw new DocumentRejectedException("line 1", $"an inventory is one YAML document, found {documents.Count}");
        }

        var (root, locate) = documents[0];
        var inventory = YamlDocuments.Locating(locate, () => InventoryParser.Parse(root));
        return DeploymentMapper.Map(inventory, input, Format, input.NewBuilder());
    });
}
