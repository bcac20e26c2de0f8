using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries;

/// <summary>What a walk calls for every node it reaches at depth ≥ 1, in breadth-first order.</summary>
internal interface IReachVisitor
{
    /// <summary>Returns false to stop the walk. <paramref name="kind"/> is the node's, given so a leaf's is not read from the index.</summary>
    bool Reached(int position, int node, NodeKind kind, int depth);
}

/// <summary>
/// The one breadth-first walk every query shares: each node is reached once, at its shortest depth,
/// and remembers the edge it was reached by, so one shortest path per node comes for free. The
/// visitor is a struct type argument, so the per-node call is inlined rather than a delegate call.
/// </summary>
internal static partial class BreadthFirst
{
    // How far ahead among a level's nodes with a row the walk prefetches a node's row offset (and hub start), and,
    // nearer, the start of its row, whose offset the first prefetch has brought in by then. A worst-case walk
    // (147k nodes) took 0.55–0.65 of the time with these; distances from 8/4 to 48/24 measured alike. Prefetching
    // node kinds and row kinds for the reporting loop as well measured no better.
    private const int FetchNodeAhead = 16;
    private const int FetchRowAhead = 8;

    /// <summary>
    /// Walks from <paramref name="starts"/>, calling the visitor for every node at depth ≥ 1 in
    /// breadth-first order. Returns how many positions were discovered; the tree is in the scratch.
    /// </summary>
    /// <remarks>
    /// Level by level. Where the rows are split by hub (<see cref="Adjacency.HubStarts"/>), each level
    /// first weighs reading its frontier's edges from hubs (top-down) against looking at every hub not yet
    /// visited from its own side for an edge into the levels already walked (bottom-up), and does the
    /// cheaper: the direction-optimizing breadth-first search of Beamer, Asanović and Patterson (SC 2012),
    /// applied to hubs only. Either way a node is reached at its shortest depth; only which of several
    /// equally short parents it keeps may differ. When every hub is visited their edges are not read at all.
    /// </remarks>
    /// <param name="pruneAliasLeaves">
    /// Leave out artifacts reached over OCCURS_AS that have no other edge (a package's own digest, listed by
    /// nothing else): they are neither answers nor on the way to any, and at scale they are half of what a
    /// reverse walk reaches. Off for path finding, where such an artifact may be the destination.
    /// </param>
    /// <param name="collectLeaves">
    /// Keep the deployments reached over RUNS in <see cref="TraversalScratch.Leaves"/>, as runs beside their images, rather
    /// than in the tree: the visitor is not called for them. Taken only where the index's runners are leaves and no
    /// deployment was visited before the walk; the scratch's leaves say whether it was.
    /// </param>
    public static int Walk<TVisitor>(GraphIndex index, TraversalScratch scratch, IReadOnlyList<int> starts, Direction direction, EdgeKindSet allow, int? maxDepth, ref TVisitor visitor, bool pruneAliasLeaves = false, bool collectLeaves = false)
        where TVisitor : struct, IReachVisitor
    {
        if (index.NodeCount > FrontierEntry.PositionMask)
        {
            throw new NotSupportedException($"a walk holds at most {FrontierEntry.PositionMask:N0} nodes; this snapshot has {index.NodeCount:N0}");
        }

        var leaves = pruneAliasLeaves ? index.AliasLeaves : null;

        // Positions are recorded per node only once a level looks bottom-up (it needs the parent's position);
        // most walks never do, and the worst ones stop needing it as soon as every hub is visited.
        var tree = new Tree(scratch, trackPositions: false);
        var tail = 0;
        foreach (var start in starts)
        {
            if (scratch.TryVisit(start))
            {
                tail = tree.Append(start, -1, 0, tail);
                scratch.DeploymentVisited |= index.Kinds[start] == NodeKind.Deployment;
            }
        }

        var dependents = direction == Direction.Dependents;
        var along = dependents ? index.Reverse : index.Forward;
        var against = dependents ? index.Forward : index.Reverse;
        var alongFlag = dependents ? TreeEdge.ChildToParent : (byte)0;
        var againstFlag = dependents ? (byte)0 : TreeEdge.ChildToParent;
        var symmetric = EdgeKindSet.Symmetric.Mask & allow.Mask;

        // Pruning alias leaves, a node whose OCCURS_AS edges against the walk all lead to leaves has nothing to
        // take from its other row: skip reading it (GraphIndex.ForwardAliasRows).
        var againstRows = leaves is null ? null : dependents ? index.ForwardAliasRows : index.ReverseAliasRows;
        var max = maxDepth ?? int.MaxValue;

        // Walking to dependents, an image's deployments are taken from its runner range, its row read only for the rest.
        // Kept as a run (collectLeaves) a runner's visited bit is not set at all: it runs nothing else, so nothing after its
        // image can reach it. That holds unless a start or a blocked node is a deployment; such a walk keeps them in the tree.
        var runners = dependents && index.Runners.AppliesTo(allow.Mask, symmetric) ? index.Runners : null;
        var ranged = runners is null ? 0u : 1u << (int)EdgeKind.Runs;
        var report = new Reporting(index.Kinds, along.RowKinds, allow.Mask & ~ranged, ranged, symmetric, againstRows);
        var leafRuns = collectLeaves && runners is not null && !scratch.DeploymentVisited ? scratch.Leaves : null;
        var hubStarts = along.HubStarts;
        HubLook? hubs = hubStarts is null ? null : new HubLook(index.HubNodes, against, allow.Mask, alongFlag);

        scratch.LevelStarts.Add(0);
        var expanding = scratch.Expanding;
        var depth = 0;
        var head = 0;
        while (head < tail)
        {
            var levelEnd = tail;

            // Report the level's nodes, and list those with a row to read. Most nodes of a blast radius are deployments
            // (three in four of a median answer): kept as runs they are not in the tree at all; in it, they are leaves
            // and cost this loop and nothing more.
            var rows = Report(ref visitor, in report, tree.Nodes, head, levelEnd, depth, expanding, out var stopped);
            if (stopped)
            {
                return tail;
            }

            head = levelEnd;
            if (depth >= max)
            {
                rows = 0;
            }

            var frontier = expanding.AsSpan(0, rows);
            var side = hubs is not null && rows > 0 ? hubs.Value.Choose(scratch, hubStarts!, along.Offsets, frontier) : HubSide.Read;
            if (side == HubSide.LookFromHubs && !tree.TracksPositions)
            {
                tree = tree.Tracking(levelEnd);
            }

            leafRuns?.BeginDepth(depth + 1);
            var level = new Level(along, against, allow.Mask, symmetric, alongFlag, againstFlag, againstRows, leaves, side != HubSide.Read ? hubStarts : null, runners, leafRuns);
            tail = ExpandLevel(in level, frontier, scratch.Visited, tree, tail);
            if (side == HubSide.LookFromHubs)
            {
                tail = hubs!.Value.Visit(scratch, tree, levelEnd, tail);
            }

            depth++;
            if (head < tail)
            {
                scratch.LevelStarts.Add(head);
            }
        }

        return tail;
    }

    /// <summary>
    /// Calls the visitor for the level's positions [<paramref name="head"/>, <paramref name="levelEnd"/>) (not at depth 0) and
    /// lists in <paramref name="expanding"/> those whose node has a row to read, as <see cref="FrontierEntry"/>; returns how many it listed.
    /// </summary>
    /// <remarks>
    /// A method of its own, working on a copy of the visitor: inside the whole walk the visitor was reached through its
    /// reference and, short of registers, its count went to memory and back for every hit, one hit waiting on the last.
    /// </remarks>
    private static int Report<TVisitor>(ref TVisitor visitor, in Reporting report, int[] nodes, int head, int levelEnd, int depth, int[] expanding, out bool stopped)
        where TVisitor : struct, IReachVisitor
    {
        var local = visitor;
        var nodeKinds = report.Kinds;
        var rowKinds = report.RowKinds;
        var rows = 0;
        stopped = false;
        for (var p = head; p < levelEnd; p++)
        {
            var node = nodes[p];
            if (depth > 0 && !local.Reached(p, node, nodeKinds[node], depth))
            {
                stopped = true;
                break;
            }

            // What expanding the node reads, noted beside its position (FrontierEntry) so that it loads none of it again.
            var kinds = (uint)rowKinds[node];
            var entry = p | ((kinds & report.Unranged) != 0 ? FrontierEntry.Row : 0) | ((kinds & report.Ranged) != 0 ? FrontierEntry.Ranged : 0)
                | (ReadsAgainst(report.Symmetric, report.AgainstRows, node) ? FrontierEntry.Against : 0);

            expanding[rows] = entry;
            rows += entry != p ? 1 : 0;
        }

        visitor = local;
        return rows;
    }

    /// <summary>What reporting a level reads, gathered so <see cref="Report"/> takes few arguments.</summary>
    private readonly record struct Reporting(NodeKind[] Kinds, ushort[] RowKinds, uint Unranged, uint Ranged, uint Symmetric, ulong[]? AgainstRows);

    /// <summary>What expanding a level needs of the walk, gathered so <see cref="ExpandLevel"/> takes few arguments.</summary>
    private readonly record struct Level(Adjacency Along, Adjacency Against, uint Mask, uint Symmetric, byte AlongFlag, byte AgainstFlag, ulong[]? AgainstRows, ulong[]? Leaves, int[]? HubStarts, RunnerRanges? Runners, LeafRuns? LeafRuns);

    /// <summary>
    /// Reads the rows of the <paramref name="frontier"/>'s nodes, appending their unvisited targets; with
    /// <see cref="Level.HubStarts"/> (the level looks from the hubs' side, or skips them) each row stops where its hubs begin.
    /// </summary>
    private static int ExpandLevel(in Level level, ReadOnlySpan<int> frontier, ulong[] visited, Tree tree, int tail)
    {
        var along = level.Along;
        var hubStarts = level.HubStarts;
        var offsets = along.Offsets;
        var nodes = tree.Nodes;
        var runners = level.Runners;
        var unranged = level.Mask & ~(1u << (int)EdgeKind.Runs);
        for (var i = 0; i < frontier.Length; i++)
        {
            if (i + FetchNodeAhead < frontier.Length)
            {
                var ahead = frontier[i + FetchNodeAhead];
                var node = nodes[ahead & FrontierEntry.PositionMask];
                if (ahead < 0)
                {
                    runners!.Prefetch(node);
                }

                if ((ahead & FrontierEntry.Row) != 0)
                {
                    Prefetch.Of(offsets, node);
                    if (hubStarts is not null)
                    {
                        Prefetch.Of(hubStarts, node);
                    }
                }
            }

            if (i + FetchRowAhead < frontier.Length && (frontier[i + FetchRowAhead] & FrontierEntry.Row) != 0)
            {
                var row = offsets[nodes[frontier[i + FetchRowAhead] & FrontierEntry.PositionMask]];
                Prefetch.Of(along.Targets, row);
                Prefetch.Of(along.Kinds, row);
            }

            var entry = frontier[i];
            var position = entry & FrontierEntry.PositionMask;
            var current = nodes[position];
            var mask = level.Mask;
            if (entry < 0)
            {
                if (runners!.TryGet(current, out var first, out var count, out var slot))
                {
                    if (level.LeafRuns is { } runs)
                    {
                        runs.Add(position, first, count, slot);
                    }
                    else
                    {
                        tail = AppendRange(first, count, position, level.AlongFlag, visited, tree, tail);
                    }

                    mask = unranged;
                }
                else if (level.LeafRuns is { } runs)
                {
                    // Its runners are not one range: each one its row names and the walk has not reached is a run of one.
                    AddRowRuns(runs, along, current, position, visited);
                    mask = unranged;
                }
                else
                {
                    // Its runners are not one range: its RUNS edges are read from its row like any other.
                    entry |= FrontierEntry.Row;
                }
            }

            if ((entry & FrontierEntry.Row) != 0)
            {
                var rowEnd = hubStarts is not null ? hubStarts[current] : offsets[current + 1];
                tail = Expand(along, mask, current, offsets[current], rowEnd, position, level.AlongFlag, visited, level.Leaves, tree, tail);
            }

            if ((entry & FrontierEntry.Against) != 0)
            {
                var against = level.Against;
                tail = Expand(against, level.Symmetric, current, against.Offsets[current], against.Offsets[current + 1], position, level.AgainstFlag, visited, level.Leaves, tree, tail);
            }
        }

        return tail;
    }

    /// <summary>The inner loop: part of one node's row, filtered by the kind mask, unvisited targets appended.</summary>
    private static int Expand(Adjacency adjacency, uint mask, int node, int start, int end, int position, byte flag, ulong[] visited, ulong[]? leaves, Tree tree, int tail)
    {
        var rowKinds = (uint)adjacency.RowKinds[node];
        if ((rowKinds & mask) == 0 || start == end)
        {
            return tail;
        }

        var targets = adjacency.Targets.AsSpan(start, end - start);
        var kinds = adjacency.Kinds.AsSpan(start, end - start);
        if ((rowKinds & ~mask) == 0)
        {
            // Every edge in the row is allowed: test only the visited bit; read the kind on discovery.
            for (var i = 0; i < targets.Length; i++)
            {
                var child = targets[i];
                ref var word = ref visited[child >> 6];
                var bit = 1UL << child;
                if ((word & bit) == 0)
                {
                    word |= bit;
                    if (!IsAliasLeaf(leaves, child, kinds[i]))
                    {
                        tail = tree.Append(child, position, (byte)((byte)kinds[i] | flag), tail);
                    }
                }
            }

            return tail;
        }

        for (var i = 0; i < targets.Length; i++)
        {
            var kind = (uint)kinds[i];
            if ((mask & (1u << (int)kind)) == 0)
            {
                continue;
            }

            var child = targets[i];
            ref var word = ref visited[child >> 6];
            var bit = 1UL << child;
            if ((word & bit) != 0)
            {
                continue;
            }

            word |= bit;
            if (!IsAliasLeaf(leaves, child, (EdgeKind)kind))
            {
                tail = tree.Append(child, position, (byte)(kind | flag), tail);
            }
        }

        return tail;
    }

    /// <summary>Whether the node's row against the walk is read, for the symmetric kinds (OCCURS_AS) the walk allows.</summary>
    private static bool ReadsAgainst(uint symmetric, ulong[]? againstRows, int node) =>
        symmetric != 0 && (againstRows is null || (againstRows[node >> 6] & (1UL << node)) != 0);

    private static bool IsAliasLeaf(ulong[]? leaves, int node, EdgeKind kind) =>
        leaves is not null && kind == EdgeKind.OccursAs && (leaves[node >> 6] & (1UL << node)) != 0;

    /// <summary>
    /// The path to the node at <paramref name="position"/> of a walk's tree. Dependents read from the node
    /// down to the start (node uses … uses start); dependencies read from the start down to the node.
    /// Either way each step's edge joins it to the previous step.
    /// </summary>
    public static PathStep[] PathTo(ReadOnlySpan<int> nodes, ReadOnlySpan<int> parents, ReadOnlySpan<byte> edges, int position, Direction direction)
    {
        var length = 0;
        for (var p = position; p >= 0; p = parents[p])
        {
            length++;
        }

        var steps = new PathStep[length];
        if (direction == Direction.Dependents)
        {
            // From the hit towards the start: the edge between a step and the one before it is on the one before.
            var i = 0;
            var previous = -1;
            for (var p = position; p >= 0; previous = p, p = parents[p])
            {
                steps[i++] = previous < 0
                    ? new PathStep(nodes[p], null, true)
                    : new PathStep(nodes[p], TreeEdge.Kind(edges[previous]), TreeEdge.PointsToParent(edges[previous]));
            }
        }
        else
        {
            // From the start down to the hit: fill backwards; each step carries its own tree edge.
            var i = length - 1;
            for (var p = position; p >= 0; p = parents[p])
            {
                steps[i--] = parents[p] < 0
                    ? new PathStep(nodes[p], null, true)
                    : new PathStep(nodes[p], TreeEdge.Kind(edges[p]), !TreeEdge.PointsToParent(edges[p]));
            }
        }

        return steps;
    }
}
