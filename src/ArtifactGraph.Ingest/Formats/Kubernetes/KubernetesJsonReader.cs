using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Inventory;
using ArtifactGraph.Ingest.Formats.Spdx2;

namespace ArtifactGraph.Ingest.Formats.Kubernetes;

/// <summary>Kubernetes objects as JSON: one object or a list (<c>kubectl get pods -A -o json</c>).</summary>
internal sealed class KubernetesJsonReader : IDocumentReader
{
    public string Format => "Kubernetes-JSON";

    public bool CanRead(DocumentInput input) => KubernetesSniffer.LooksLikeJson(input.Content.Span);

    public IngestBatch Read(DocumentInput input) => Spdx2Guard.Run(Format, () =>
    {
        using var document = InventoryJsonText.Parse(input.Content);
        var inventory = new KubernetesInventory();
        inventory.Add(document.RootElement, pointer => pointer.Length == 0 ? "/" : pointer);
        var builder = input.NewBuilder();
        return DeploymentMapper.Map(inventory.Build(builder), input, Format, builder);
    });
}
