using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Cli.Output;

/// <summary>
/// The documents asserting each edge of explanation paths, read once per distinct edge (paths of many
/// hits share their lower edges).
/// </summary>
internal sealed class EdgeProvenance(IGraphStore store, GraphIndex index)
{
    private readonly Dictionary<(EdgeKind, int, int), IReadOnlyList<DocumentSummary>> _cache = [];

    /// <summary>The documents of the edge joining <paramref name="path"/>[i] to the step before it.</summary>
    public IReadOnlyList<DocumentSummary> Of(IReadOnlyList<PathStep> path, int i)
    {
        var step = path[i];
        var (from, to) = step.Forward ? (path[i - 1].Node, step.Node) : (step.Node, path[i - 1].Node);
        var key = (step.Edge!.Value, from, to);
        if (!_cache.TryGetValue(key, out var documents))
        {
            documents = store.GetEdgeDocuments(key.Item1, index.RefOf(from), index.RefOf(to));
            _cache[key] = documents;
        }

        return documents;
    }
}
