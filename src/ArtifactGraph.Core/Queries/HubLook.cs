using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries;

/// <summary>What a level of the walk does with edges from hubs (<see cref="HubLook.Choose"/>).</summary>
internal enum HubSide
{
    Read,
    LookFromHubs,
    Skip,
}

/// <summary>
/// The bottom-up half of the walk (<see cref="BreadthFirst.Walk"/>): hubs not yet visited look along
/// their own rows for a node the walk has already expanded, instead of every expanded node reading the
/// hubs in its row. A hub that finds one is reached at the next depth with that node as its parent.
/// </summary>
internal readonly struct HubLook(int[] hubs, Adjacency own, uint mask, byte flag)
{
    /// <summary>
    /// How this level treats hubs: read the frontier's edges from them (top-down), look from the unvisited
    /// hubs' side when the frontier's edges into hubs outnumber the unvisited hubs' own edges (bottom-up), or
    /// skip those edges outright once every hub is visited.
    /// </summary>
    public HubSide Choose(TraversalScratch scratch, int[] hubStarts, int[] offsets, ReadOnlySpan<int> frontier)
    {
        // Read the smaller side in full first and stop reading the other once it is outweighed: a small
        // frontier (most queries) never reads the hub list, and once every hub is visited a large frontier
        // need not be read at all.
        if (frontier.Length <= hubs.Length)
        {
            var topDown = FrontierCost(scratch.Nodes, hubStarts, offsets, frontier, long.MaxValue);
            if (topDown == 0)
            {
                return HubSide.Read;
            }

            var unvisited = UnvisitedCost(scratch.Visited, topDown);
            return unvisited == 0 ? HubSide.Skip : unvisited < topDown ? HubSide.LookFromHubs : HubSide.Read;
        }

        var bottomUp = UnvisitedCost(scratch.Visited, long.MaxValue);
        return bottomUp == 0 ? HubSide.Skip
            : FrontierCost(scratch.Nodes, hubStarts, offsets, frontier, bottomUp) > bottomUp ? HubSide.LookFromHubs : HubSide.Read;
    }

    /// <summary>The frontier's edges from hubs (the nodes of the frontier's entries, <see cref="FrontierEntry"/>), counted until they exceed <paramref name="limit"/>.</summary>
    private static long FrontierCost(int[] nodes, int[] hubStarts, int[] offsets, ReadOnlySpan<int> frontier, long limit)
    {
        long cost = 0;
        for (var i = 0; i < frontier.Length && cost <= limit; i++)
        {
            // A node whose row is not read (an image whose runners come from their range) reads no hub either.
            if ((frontier[i] & FrontierEntry.Row) != 0)
            {
                var node = nodes[frontier[i] & FrontierEntry.PositionMask];
                cost += offsets[node + 1] - hubStarts[node];
            }
        }

        return cost;
    }

    /// <summary>The unvisited hubs' own edges, counted until they reach <paramref name="limit"/>.</summary>
    private long UnvisitedCost(ulong[] visited, long limit)
    {
        var offsets = own.Offsets;
        long cost = 0;
        foreach (var hub in hubs)
        {
            if ((visited[hub >> 6] & (1UL << hub)) == 0)
            {
                cost += offsets[hub + 1] - offsets[hub];
                if (cost >= limit)
                {
                    break;
                }
            }
        }

        return cost;
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
