using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Ingestion;

/// <summary>
/// Receives a large document's nodes and edges in chunks while it is still being read, so memory stays
/// bounded by the chunk size rather than the document size. The store writes each chunk inside the
/// document's one transaction; a rejection later in the document still rolls every chunk back.
/// </summary>
public interface IBatchSink
{
    void Write(IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges);
}
