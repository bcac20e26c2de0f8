using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// The spill sink of a document read ahead, before its transaction exists: keeps the chunks the builder hands
/// over and replays them, in order, into the document's writer on the committing thread. The store then sees
/// the same calls as when the reader spills into the open writer directly. Only documents under the large-document
/// threshold are read ahead, so what is kept is bounded by that threshold's worth of records.
/// </summary>
internal sealed class ChunkRecorder : IBatchSink
{
    private readonly List<(NodeRecord[] Nodes, EdgeRecord[] Edges)> _chunks = [];

    public int Count => _chunks.Count;

    // Copied: the builder hands its lists over today, but the sink contract does not promise it will not reuse them.
    public void Write(IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges) =>
        _chunks.Add((nodes.ToArray(), edges.ToArray()));

    public void ReplayInto(IBatchSink writer)
    {
        foreach (var (nodes, edges) in _chunks)
        {
            writer.Write(nodes, edges);
        }

        _chunks.Clear();
    }
}
