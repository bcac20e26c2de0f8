using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries;

/// <summary>
/// The shortest path by which something uses something else ("why does this image contain log4j?").
/// Searches FROM → TO along edges (FROM uses … uses TO); when there is none, TO → FROM, and says so.
/// Only real edges are walked: two nodes that merely share a name are not connected.
/// </summary>
public static class PathQuery
{
    public sealed record Result(IReadOnlyList<PathStep>? Path, bool Reversed);

    public static Result Find(GraphIndex index, IReadOnlyList<int> from, IReadOnlyList<int> to, EdgeKindSet? edgeKinds = null, int? maxLength = null)
    {
        var kinds = edgeKinds ?? EdgeKindSet.Impact;
        var forward = Search(index, from, to, kinds, maxLength);
        if (forward is not null)
        {
            return new Result(forward, false);
        }

        var backward = Search(index, to, from, kinds, maxLength);
        return new Result(backward, backward is not null);
    }

    private static PathStep[]? Search(GraphIndex index, IReadOnlyList<int> starts, IReadOnlyList<int> targets, EdgeKindSet kinds, int? maxLength)
    {
        var wanted = targets.ToHashSet();
        var overlap = starts.FirstOrDefault(wanted.Contains, -1);
        if (overlap >= 0)
        {
            return [new PathStep(overlap, null, true)];
        }

        var scratch = TraversalScratch.For(index.NodeCount);
        var finder = new Finder { Wanted = wanted, Found = -1 };
        BreadthFirst.Walk(index, scratch, starts, Direction.Dependencies, kinds, maxLength, ref finder);
        return finder.Found < 0 ? null : BreadthFirst.PathTo(scratch.Nodes, scratch.Parents, scratch.Edges, finder.Found, Direction.Dependencies);
    }

    private struct Finder : IReachVisitor
    {
        public HashSet<int> Wanted;
        public int Found;

        public bool Reached(int position, int node, NodeKind kind, int depth)
        {
            if (!Wanted.Contains(node))
            {
                return true;
            }

            Found = position;
            return false;
        }
    }
}
