using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries;

/// <summary>
/// The one breadth-first walk every query shares: each node is reached once, at its shortest depth,
/// and remembers the edge it was reached by, so one shortest path per node comes for free.
/// </summary>
internal static class BreadthFirst
{
    /// <summary>
    /// Walks from <paramref name="starts"/>, calling <paramref name="reached"/> for every node at depth ≥ 1
    /// in breadth-first order; the walk stops when it returns false.
    /// </summary>
    public static void Walk(GraphIndex index, TraversalScratch scratch, IReadOnlyList<int> starts, Direction direction, EdgeKindSet allow, int? maxDepth, Func<int, bool> reached)
    {
        var queue = scratch.Queue;
        int head = 0, tail = 0;
        foreach (var start in starts)
        {
            if (!scratch.IsVisited(start))
            {
                scratch.MarkVisited(start);
                scratch.Depth[start] = 0;
                scratch.Parent[start] = -1;
                queue[tail++] = start;
            }
        }

        var symmetric = new EdgeKindSet(EdgeKindSet.Symmetric.Mask & allow.Mask);
        while (head < tail)
        {
            var node = queue[head++];
            var depth = scratch.Depth[node];
            if (depth > 0 && !reached(node))
            {
                return;
            }

            if (maxDepth is { } max && depth >= max)
            {
                continue;
            }

            // Along the walk direction the neighbour is the child; the edge points child -> node when
            // walking dependents (the child uses node), node -> child when walking dependencies.
            var along = direction == Direction.Dependents ? index.Incoming(node) : index.Outgoing(node);
            tail = Visit(scratch, along, allow, node, depth, direction == Direction.Dependents, tail);
            if (symmetric.Mask != 0)
            {
                var against = direction == Direction.Dependents ? index.Outgoing(node) : index.Incoming(node);
                tail = Visit(scratch, against, symmetric, node, depth, direction != Direction.Dependents, tail);
            }
        }
    }

    private static int Visit(TraversalScratch scratch, EdgeSpan edges, EdgeKindSet kinds, int node, int depth, bool childToParent, int tail)
    {
        for (var i = 0; i < edges.Count; i++)
        {
            var kind = edges.Kind(i);
            var child = edges.Target(i);
            if (!kinds.Contains(kind) || scratch.IsVisited(child))
            {
                continue;
            }

            scratch.MarkVisited(child);
            scratch.Depth[child] = depth + 1;
            scratch.Parent[child] = node;
            scratch.ParentEdge[child] = kind;
            scratch.ChildToParent[child] = childToParent;
            scratch.Queue[tail++] = child;
        }

        return tail;
    }

    /// <summary>
    /// The path to a reached node. Dependents read from the node down to the start (node uses … uses
    /// start); dependencies read from the start down to the node. Either way each step's edge joins it
    /// to the previous step.
    /// </summary>
    public static List<PathStep> PathTo(TraversalScratch scratch, int node, Direction direction)
    {
        var chain = new List<int>();
        for (var n = node; n >= 0; n = scratch.Parent[n])
        {
            chain.Add(n);
        }

        var steps = new List<PathStep>(chain.Count);
        if (direction == Direction.Dependents)
        {
            // chain = node, parent, ..., start: the edge between chain[i-1] (child) and chain[i] is on the child.
            steps.Add(new PathStep(chain[0], null, true));
            for (var i = 1; i < chain.Count; i++)
            {
                var child = chain[i - 1];
                steps.Add(new PathStep(chain[i], scratch.ParentEdge[child], scratch.ChildToParent[child]));
            }
        }
        else
        {
            chain.Reverse();
            steps.Add(new PathStep(chain[0], null, true));
            for (var i = 1; i < chain.Count; i++)
            {
                var child = chain[i];
                steps.Add(new PathStep(child, scratch.ParentEdge[child], !scratch.ChildToParent[child]));
            }
        }

        return steps;
    }
}
