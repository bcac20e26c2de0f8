using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Server.GraphQL.Models;

/// <summary>A provenance answer over the request's snapshot, with what the subject text resolved to.</summary>
internal sealed record ProvenanceModel(ProvenanceResult Result, IReadOnlyList<int> Matched);

internal static class NodeRefs
{
    /// <summary>The node a query result names by reference; results are computed on this snapshot, so it is there.</summary>
    public static NodeModel Model(GraphIndex index, NodeRef node) =>
        index.TryFind(node, out var id) ? new NodeModel(index, id) : throw new InvalidOperationException($"{node.Kind} {node.Key} is not in the snapshot the answer was computed on");
}
