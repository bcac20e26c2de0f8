using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Inventory;
using ArtifactGraph.Ingest.Formats.Spdx2;

namespace ArtifactGraph.Ingest.Formats.Kubernetes;

/// <summary>Kubernetes objects as YAML: one object, a list, or several <c>---</c> documents (manifests, <c>kubectl get -o yaml</c>).</summary>
internal sealed class KubernetesYamlReader : IDocumentReader
{
    public string Format => "Kubernetes-YAML";

    public bool CanRead(DocumentInput input) => KubernetesSniffer.LooksLikeYaml(input.Content.Span);

    public IngestBatch Read(DocumentInput input) => Spdx2Guard.Run(Format, () =>
    {
        var inventory = new KubernetesInventory();
        var documents = 0;
        foreach (var (root, locate) in YamlDocuments.Read(input.Content))
        {
            documents++;
            YamlDocuments.Locating(locate, () =>
            {
                inventory.Add(root, locate);
                return 0;
            });
        }

        if (documents == 0)
        {
            throw new DocumentRejectedException("line 1", "the YAML stream holds no document");
        }

        var builder = input.NewBuilder();
        return DeploymentMapper.Map(inventory.Build(builder), input, Format, builder);
    });
}
