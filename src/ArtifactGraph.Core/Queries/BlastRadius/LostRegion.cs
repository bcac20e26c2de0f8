using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>
/// What a pruned walk lost, found from the suppressed products' side instead of walking the raw exposure again.
/// </summary>
/// <remarks>
/// Everything the raw walk reaches and the pruned one does not lies behind a blocked product, so a walk that
/// starts at the blocked products the pruned reach (or a start) touches, each at the depth the raw walk
/// reaches it, and never enters the pruned reach, finds exactly those nodes at their raw depths — provided
/// the pruned reach's own raw depths are its pruned depths. They are unless something behind a product leads
/// back into the pruned reach by a shorter way (a product on a shortcut); that is checked on every edge, and
/// the caller then walks raw as before. For a popular package under a statement about a few images this reads
/// those images' rows and their deployments instead of a second walk over ~150k nodes.
/// Depths are processed in order (a bucket queue), as a product can be reached more shallowly from behind
/// another product than from the pruned reach. The pruned depths it needs (the products' neighbours, and where
/// the region touches the pruned reach) are read in one sequential pass over the pruned tree for each of the two
/// sets: a lookup table by node would cost a random write per walked node.
/// </remarks>
internal sealed class LostRegion
{
    private readonly GraphIndex _index;
    private readonly TraversalScratch _scratch;
    private readonly int _walked;
    private readonly HashSet<int> _blocked;
    private readonly int _max;
    private readonly uint _allow;
    private readonly uint _symmetric;
    private readonly List<Entry> _region = [];
    private readonly Dictionary<int, int> _slot = [];
    private readonly List<List<int>> _buckets = [];

    // Edges from the region into the pruned reach, and the depth the region reaches their end at.
    private readonly List<(int Node, int Depth)> _touches = [];

    private LostRegion(GraphIndex index, TraversalScratch scratch, int walked, HashSet<int> blocked, ClosureOptions options)
    {
        _index = index;
        _scratch = scratch;
        _walked = walked;
        _blocked = blocked;
        _max = options.MaxDepth ?? int.MaxValue;
        _allow = options.EdgeKinds.Mask;
        _symmetric = EdgeKindSet.Symmetric.Mask & _allow;
    }

    /// <summary>A node behind the products: its raw depth, the edge it is reached by, and its parent in the region (-1: reached from the pruned reach or a start).</summary>
    internal record struct Entry(int Node, int Depth, byte Edge, int Parent);

    /// <summary>
    /// The region behind <paramref name="blocked"/> after a pruned walk whose tree (<paramref name="walked"/> positions)
    /// and visited bits are still in <paramref name="scratch"/>; null when a product lies on a shortcut into the pruned reach.
    /// </summary>
    public static List<Entry>? Find(GraphIndex index, TraversalScratch scratch, int walked, IReadOnlyList<int> starts, HashSet<int> blocked, ClosureOptions options)
    {
        var region = new LostRegion(index, scratch, walked, blocked, options);
        region.Seed(starts);
        region.Spread();
        return region.Touches() ? null : region._region;
    }

    /// <summary>
    /// Blocked starts at depth 0; every other product at one more than its shallowest walked neighbour on the walk's
    /// side, by the edges the walk would take: its forward row under the allowed kinds (the walk reads reverse
    /// rows), its reverse row under the symmetric ones.
    /// </summary>
    private void Seed(IReadOnlyList<int> starts)
    {
        var candidates = new List<(int Product, int Neighbour, byte Edge)>();
        foreach (var product in _blocked)
        {
            if (starts.Contains(product))
            {
                Reach(product, 0, 0, -1);
                continue;
            }

            Neighbours(_index.Forward, _allow, TreeEdge.ChildToParent, product, candidates);
            Neighbours(_index.Reverse, _symmetric, 0, product, candidates);
        }

        var depths = PrunedDepths(candidates.Select(c => c.Neighbour));
        foreach (var (product, neighbour, edge) in candidates)
        {
            // Visited but not in the tree: an alias leaf, which the walk passes by.
            if (depths.TryGetValue(neighbour, out var depth) && depth < _max)
            {
                Reach(product, depth + 1, edge, -1);
            }
        }
    }

    private void Neighbours(Adjacency rows, uint mask, byte flag, int product, List<(int, int, byte)> into)
    {
        if ((rows.RowKinds[product] & mask) == 0)
        {
            return;
        }

        var visited = _scratch.Visited;
        for (var i = rows.Offsets[product]; i < rows.Offsets[product + 1]; i++)
        {
            var kind = rows.Kinds[i];
            var neighbour = rows.Targets[i];
            if ((mask & (1u << (int)kind)) != 0 && !IsLeaf(product, kind) && IsSet(visited, neighbour) && !_blocked.Contains(neighbour))
            {
                into.Add((product, neighbour, (byte)((byte)kind | flag)));
            }
        }
    }

    /// <summary>Depth by depth from the seeds, never entering the pruned reach (only noting where it is touched).</summary>
    private void Spread()
    {
        for (var depth = 0; depth < _buckets.Count; depth++)
        {
            foreach (var at in _buckets[depth])
            {
                var (node, reached, _, _) = _region[at];
                if (reached == depth && depth < _max)
                {
                    Expand(_index.Reverse, _allow, TreeEdge.ChildToParent, node, at, depth);
                    Expand(_index.Forward, _symmetric, 0, node, at, depth);
                }
            }
        }
    }

    private void Expand(Adjacency rows, uint mask, byte flag, int node, int at, int depth)
    {
        // An image's forward row is its ~1,000 components, none of them over the symmetric kinds the region reads forward.
        if ((rows.RowKinds[node] & mask) == 0)
        {
            return;
        }

        var visited = _scratch.Visited;
        for (var i = rows.Offsets[node]; i < rows.Offsets[node + 1]; i++)
        {
            var kind = rows.Kinds[i];
            var child = rows.Targets[i];
            if ((mask & (1u << (int)kind)) == 0 || IsLeaf(child, kind))
            {
                continue;
            }

            // Visited by the pruned walk and not blocked: in the pruned reach (alias leaves are left out above).
            if (IsSet(visited, child) && !_blocked.Contains(child))
            {
                _touches.Add((child, depth + 1));
                continue;
            }

            Reach(child, depth + 1, (byte)((byte)kind | flag), at);
        }
    }

    /// <summary>Whether the region reaches into the pruned reach more shallowly than the pruned walk did (a shortcut).</summary>
    private bool Touches()
    {
        if (_touches.Count == 0)
        {
            return false;
        }

        var depths = PrunedDepths(_touches.Select(t => t.Node));
        return _touches.Any(t => depths.TryGetValue(t.Node, out var depth) && t.Depth < depth);
    }

    private void Reach(int node, int depth, byte edge, int parent)
    {
        if (_slot.TryGetValue(node, out var at))
        {
            if (_region[at].Depth <= depth)
            {
                return;
            }

            _region[at] = new Entry(node, depth, edge, parent);
        }
        else
        {
            at = _region.Count;
            _slot.Add(node, at);
            _region.Add(new Entry(node, depth, edge, parent));
        }

        while (_buckets.Count <= depth)
        {
            _buckets.Add([]);
        }

        _buckets[depth].Add(at);
    }

    /// <summary>The pruned walk's depth of each of <paramref name="nodes"/> (all in its tree), in one pass over the tree.</summary>
    private Dictionary<int, int> PrunedDepths(IEnumerable<int> nodes)
    {
        var depths = new Dictionary<int, int>();
        var wanted = _scratch.Marks;
        foreach (var node in nodes)
        {
            wanted[node >> 6] |= 1UL << node;
        }

        try
        {
            var tree = _scratch.Nodes;
            var levels = _scratch.LevelStarts;
            var level = 0;
            for (var p = 0; p < _walked; p++)
            {
                while (level + 1 < levels.Count && levels[level + 1] <= p)
                {
                    level++;
                }

                var node = tree[p];
                if (IsSet(wanted, node))
                {
                    depths[node] = level;
                }
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                wanted[node >> 6] &= ~(1UL << node);
            }
        }

        return depths;
    }

    private bool IsLeaf(int node, EdgeKind kind) => kind == EdgeKind.OccursAs && IsSet(_index.AliasLeaves, node);

    private static bool IsSet(ulong[] bits, int node) => (bits[node >> 6] & (1UL << node)) != 0;
}
