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
/// another product than from the pruned reach.
/// </remarks>
internal static class LostRegion
{
    /// <summary>A node behind the products: its raw depth, the edge it is reached by, and its parent in the region (-1: reached from the pruned reach or a start).</summary>
    internal record struct Entry(int Node, int Depth, byte Edge, int Parent);

    /// <summary>
    /// The region behind <paramref name="blocked"/> after a pruned walk whose tree (<paramref name="walked"/> positions)
    /// is still in <paramref name="scratch"/>; null when a product lies on a shortcut into the pruned reach.
    /// </summary>
    public static List<Entry>? Find(GraphIndex index, TraversalScratch scratch, int walked, IReadOnlyList<int> starts, HashSet<int> blocked, ClosureOptions options)
    {
        var pruned = new PrunedDepths(scratch, walked);
        var max = options.MaxDepth ?? int.MaxValue;
        var allow = options.EdgeKinds.Mask;
        var symmetric = EdgeKindSet.Symmetric.Mask & allow;
        var leaves = index.AliasLeaves;
        var region = new List<Entry>();
        var slot = new Dictionary<int, int>();
        var buckets = new List<List<int>>();

        void Reach(int node, int depth, byte edge, int parent)
        {
            if (slot.TryGetValue(node, out var at))
            {
                if (region[at].Depth <= depth)
                {
                    return;
                }

                region[at] = new Entry(node, depth, edge, parent);
            }
            else
            {
                at = region.Count;
                slot.Add(node, at);
                region.Add(new Entry(node, depth, edge, parent));
            }

            while (buckets.Count <= depth)
            {
                buckets.Add([]);
            }

            buckets[depth].Add(at);
        }

        foreach (var start in starts)
        {
            if (blocked.Contains(start))
            {
                Reach(start, 0, 0, -1);
            }
        }

        // Each product at one more than its shallowest walked neighbour on the walk's side, by the same edges the
        // walk would take: its forward row under the allowed kinds (the walk reads reverse rows), its reverse
        // row under the symmetric ones.
        foreach (var product in blocked)
        {
            if (!starts.Contains(product))
            {
                SeedFrom(index.Forward, allow, TreeEdge.ChildToParent, product);
                SeedFrom(index.Reverse, symmetric, 0, product);
            }
        }

        for (var depth = 0; depth < buckets.Count; depth++)
        {
            foreach (var at in buckets[depth])
            {
                var (node, reached, _, _) = region[at];
                if (reached != depth || depth >= max)
                {
                    continue;
                }

                if (!Expand(index.Reverse, allow, TreeEdge.ChildToParent, node, at, depth) || !Expand(index.Forward, symmetric, 0, node, at, depth))
                {
                    return null;
                }
            }
        }

        return region;

        void SeedFrom(Adjacency rows, uint mask, byte flag, int product)
        {
            var best = int.MaxValue;
            byte edge = 0;
            for (var i = rows.Offsets[product]; i < rows.Offsets[product + 1]; i++)
            {
                var kind = rows.Kinds[i];
                var depth = (mask & (1u << (int)kind)) == 0 || IsLeaf(product, kind) ? -1 : pruned.Of(rows.Targets[i]);
                if (depth >= 0 && depth < max && depth + 1 < best)
                {
                    best = depth + 1;
                    edge = (byte)((byte)kind | flag);
                }
            }

            if (best != int.MaxValue)
            {
                Reach(product, best, edge, -1);
            }
        }

        // False when an edge leads into the pruned reach more shallowly than the pruned walk got there.
        bool Expand(Adjacency rows, uint mask, byte flag, int node, int at, int depth)
        {
            for (var i = rows.Offsets[node]; i < rows.Offsets[node + 1]; i++)
            {
                var kind = rows.Kinds[i];
                var child = rows.Targets[i];
                if ((mask & (1u << (int)kind)) == 0 || IsLeaf(child, kind))
                {
                    continue;
                }

                var walkedAt = pruned.Of(child);
                if (walkedAt >= 0)
                {
                    if (depth + 1 < walkedAt)
                    {
                        return false;
                    }

                    continue;
                }

                Reach(child, depth + 1, (byte)((byte)kind | flag), at);
            }

            return true;
        }

        bool IsLeaf(int node, EdgeKind kind) => kind == EdgeKind.OccursAs && (leaves[node >> 6] & (1UL << node)) != 0;
    }

    /// <summary>The pruned walk's depth of each node it appended, from its tree in the scratch.</summary>
    private readonly struct PrunedDepths
    {
        private readonly int[] _nodes;
        private readonly int[] _positionOf;
        private readonly int[] _levelStarts;
        private readonly int _walked;

        public PrunedDepths(TraversalScratch scratch, int walked)
        {
            _nodes = scratch.Nodes;
            _positionOf = scratch.PositionOf;
            _walked = walked;
            _levelStarts = [.. scratch.LevelStarts];
            for (var p = 0; p < walked; p++)
            {
                _positionOf[_nodes[p]] = p;
            }
        }

        /// <summary>The node's depth in the pruned walk; -1 when it did not reach it.</summary>
        public int Of(int node)
        {
            var position = _positionOf[node];
            if ((uint)position >= (uint)_walked || _nodes[position] != node)
            {
                return -1;
            }

            var level = Array.BinarySearch(_levelStarts, position);
            return level >= 0 ? level : ~level - 1;
        }
    }
}
