using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Core.Indexing;

/// <summary>
/// Index-only edges computed from a snapshot, never stored: RESOLVES_TO from a tag-only Image
/// (<c>ref:repository:tag</c>) to the one digest image the graph knows for that tag, and from a digest a
/// cluster reported that no document describes to the described image with the same tag (the image
/// index vs platform manifest vs config id mismatch) — both found by <see cref="ImageTagResolver"/>.
/// Unresolved and ambiguous tags get no edge: they are reported, never guessed.
/// </summary>
public static class DerivedEdges
{
    public static GraphIndex Add(GraphIndex index)
    {
        if (index.CountOf(NodeKind.Image) < 2)
        {
            return index;
        }

        var resolver = ImageTagResolver.Build(index);
        var edges = new List<(int From, int To)>();
        foreach (var (node, resolution) in resolver.All())
        {
            if (resolution.Status == TagResolutionStatus.Resolved && resolution.Images[0] != node)
            {
                edges.Add((node, resolution.Images[0]));
            }
        }

        foreach (var image in index.NodesOfKind(NodeKind.Image))
        {
            if (resolver.DescribedByTag(image) is { Status: TagResolutionStatus.Resolved } fallback && fallback.Images[0] != image)
            {
                edges.Add((image, fallback.Images[0]));
            }
        }

        if (edges.Count == 0)
        {
            return index;
        }

        var builder = GraphIndexBuilder.From(index);
        foreach (var (from, to) in edges)
        {
            builder.AddEdge(from, to, EdgeKind.ResolvesTo);
        }

        return builder.Build(index.Sequence);
    }
}
