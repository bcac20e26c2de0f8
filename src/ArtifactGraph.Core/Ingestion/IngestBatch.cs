using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Ingestion;

/// <summary>
/// Everything one document asserts, normalized: readers produce it (purely), stores commit it in one
/// transaction. Nodes are unique by <see cref="NodeRef"/>, edges by (kind, from, to); every edge's ends
/// are among <see cref="Nodes"/>. Build it with <see cref="IngestBatchBuilder"/>.
/// </summary>
public sealed class IngestBatch
{
    internal IngestBatch(DocumentInfo document, IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges, IReadOnlyList<IngestWarning> warnings)
    {
        Document = document;
        Nodes = nodes;
        Edges = edges;
        Warnings = warnings;
    }

    public DocumentInfo Document { get; }

    public IReadOnlyList<NodeRecord> Nodes { get; }

    public IReadOnlyList<EdgeRecord> Edges { get; }

    public IReadOnlyList<IngestWarning> Warnings { get; }
}
