using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries;

/// <summary>
/// The bottom-up half of the walk (<see cref="BreadthFirst.Walk"/>): hubs not yet visited look along
/// their own rows for a node the walk has already expanded, instead of every expanded node reading the
/// hubs in its row. A hub that finds one is reached at the next depth with that node as its parent.
/// </summary>
internal readonly struct HubLook(int[] hubs, Adjacency own, uint mask, byte flag)
{
    /// <summary>
    /// Whether this level should look bottom-up: when the frontier's edges from hubs outnumber the edges of
    /// the hubs still unvisited (all zero once every hub is visited, which then skips those edges outright).
    /// </summary>
    public bool PreferBottomUp(TraversalScratch scratch, int[] hubStarts, int[] offsets, int levelStart, int levelEnd)
    {
        var nodes = scratch.Nodes;
        long topDown = 0;
        for (var p = levelStart; p < levelEnd; p++)
        {
            var node = nodes[p];
            topDown += offsets[node + 1] - hubStarts[node];
        }

        if (topDown == 0)
        {
            return false;
        }

        var visited = scratch.Visited;
        var ownOffsets = own.Offsets;
        long bottomUp = 0;
        foreach (var hub in hubs)
        {
            if ((visited[hub >> 6] & (1UL << hub)) == 0)
            {
                bottomUp += ownOffsets[hub + 1] - ownOffsets[hub];
                if (bottomUp >= topDown)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Reaches every unvisited hub with an allowed edge to a node discovered before <paramref name="levelEnd"/>.</summary>
    public int Visit(TraversalScratch scratch, Tree tree, int levelEnd, int tail)
    {
        var visited = scratch.Visited;
        var offsets = own.Offsets;
        var targets = own.Targets;
        var kinds = own.Kinds;
        foreach (var hub in hubs)
        {
            ref var word = ref visited[hub >> 6];
            var bit = 1UL << hub;
            if ((word & bit) != 0)
            {
                continue;
            }

            for (var i = offsets[hub]; i < offsets[hub + 1]; i++)
            {
                var target = targets[i];
                var kind = (uint)kinds[i];
                if ((mask & (1u << (int)kind)) == 0 || (visited[target >> 6] & (1UL << target)) == 0)
                {
                    continue;
                }

                var parent = tree.PositionBefore(target, levelEnd);
                if (parent >= 0)
                {
                    word |= bit;
                    tail = tree.Append(hub, parent, (byte)(kind | flag), tail);
                    break;
                }
            }
        }

        return tail;
    }
}
