using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Queries;

/// <summary>
/// One element of an explanation path. For every element but the first, <see cref="Edge"/> is the kind
/// of the edge joining it to the previous element and <see cref="Forward"/> says whether that edge
/// points from the previous element to this one (true) or the other way.
/// </summary>
public readonly record struct PathStep(int Node, EdgeKind? Edge, bool Forward);

/// <summary>A node reached by a closure, its distance in edges and one shortest path.</summary>
public sealed record ClosureHit(int Node, int Depth, IReadOnlyList<PathStep> Path);

/// <summary>
/// The answer of a dependents or dependencies query over one snapshot. <see cref="Starts"/> are the
/// nodes the query text resolved to.
/// <para>
/// Hits are ordered by depth, then node kind, then breadth-first discovery: deterministic for a given
/// snapshot and computed without comparing keys. Counts are exact without materialising anything;
/// paths are built only for the hits read (<see cref="PathOf"/>, <see cref="Page"/>, <see cref="Hits"/>).
/// The result owns a compact copy of the walk's tree (the hits' ancestors), so it stays valid after
/// later queries reuse the thread's traversal scratch.
/// </para>
/// </summary>
public sealed class ClosureResult
{
    private static readonly int KindCount = Enum.GetValues<NodeKind>().Length;

    private readonly int[] _nodes;
    private readonly int[] _parents;
    private readonly byte[] _edges;
    private readonly int[] _levelStarts;

    // The hits in the tree, as positions; the deployments kept beside their images take hit indices between them, one
    // segment a depth (Leaves.Segments), and are not listed.
    private readonly int[] _hits;
    private readonly int _count;
    private readonly int[] _kindCounts;
    private readonly int[] _kindRuns;
    private readonly Leaves? _leaves;
    private readonly Direction _direction;

    internal ClosureResult(IReadOnlyList<int> starts, Direction direction, Tree tree, int[] hits, int[] kindCounts, int[] kindRuns, Leaves? leaves, bool truncated)
    {
        Starts = starts;
        _direction = direction;
        (_nodes, _parents, _edges, _levelStarts) = tree;
        _hits = hits;
        _kindCounts = kindCounts;
        _kindRuns = kindRuns;
        _leaves = leaves;
        _count = hits.Length + (leaves?.Count ?? 0);

        Truncated = truncated;
        Hits = new LazyHits(this);
    }

    /// <summary>The walk's tree up to the last position a hit needs, and where each depth starts in it.</summary>
    internal readonly record struct Tree(int[] Nodes, int[] Parents, byte[] Edges, int[] LevelStarts);

    /// <summary>
    /// Deployments kept beside their images (<see cref="LeafRuns"/>), copied out of the scratch: run r holds the leaves
    /// [Ends[r − 1], Ends[r]), nodes First[r] onwards, reached from the tree position Parent[r]. Leaves are numbered depth
    /// by depth; each depth's are one segment of consecutive hits (<see cref="Segments"/>).
    /// </summary>
    internal sealed class Leaves
    {
        public Leaves(LeafRuns runs, int[] segments)
        {
            Parents = runs.Parents.ToArray();
            Firsts = runs.Firsts.ToArray();
            Slots = runs.Slots.ToArray();
            Segments = segments;
            Ends = new int[Parents.Length];
            var end = 0;
            var counts = runs.Counts;
            for (var r = 0; r < Ends.Length; r++)
            {
                end += counts[r];
                Ends[r] = end;
            }
        }

        public int[] Parents { get; }

        public int[] Firsts { get; }

        /// <summary>The first node's slot among the snapshot's deployments in id order (the rest follow it), or -1 when not known.</summary>
        public int[] Slots { get; }

        public int[] Ends { get; }

        /// <summary>How many leaves (deployments) the runs hold.</summary>
        public int Count => Ends.Length == 0 ? 0 : Ends[^1];

        /// <summary>(first hit index, first leaf, count) for each depth with leaves, ascending.</summary>
        public int[] Segments { get; }

        /// <summary>The hit index of leaf <paramref name="leaf"/>.</summary>
        public int HitOf(int leaf)
        {
            var s = 0;
            while (leaf >= Segments[s + 1] + Segments[s + 2])
            {
                s += 3;
            }

            return Segments[s] + leaf - Segments[s + 1];
        }

        /// <summary>The leaf index of run <paramref name="run"/>'s first deployment.</summary>
        public int StartOf(int run) => run == 0 ? 0 : Ends[run - 1];

        public int CountOf(int run) => Ends[run] - StartOf(run);

        /// <summary>The run holding leaf <paramref name="leaf"/>.</summary>
        public int RunOf(int leaf)
        {
            // Ends are strictly increasing (no run is empty): the leaf's run is the first whose end is above it.
            var at = Array.BinarySearch(Ends, leaf + 1);
            return at >= 0 ? at : ~at;
        }
    }

    public IReadOnlyList<int> Starts { get; }

    /// <summary>True when collection stopped at <see cref="ClosureOptions.MaxResults"/>.</summary>
    public bool Truncated { get; }

    /// <summary>Number of hits.</summary>
    public int Count => _count;

    /// <summary>Number of hits of one kind.</summary>
    public int CountOf(NodeKind kind) => (int)kind < KindCount ? _kindCounts[(int)kind] : 0;

    /// <summary>
    /// The indices (in hit order) of the hits of one kind, without looking at every hit: within each depth the
    /// hits of a kind are one run.
    /// </summary>
    public int[] IndicesOf(NodeKind kind)
    {
        var indices = GC.AllocateUninitializedArray<int>(CountOf(kind));
        var filled = 0;
        for (var depth = 0; depth < RunDepths && filled < indices.Length; depth++)
        {
            var (start, end) = RunOf(kind, depth);
            for (var i = start; i < end; i++)
            {
                indices[filled++] = i;
            }
        }

        return indices;
    }

    /// <summary>How many depths <see cref="RunOf"/> knows.</summary>
    internal int RunDepths => _kindRuns.Length / (KindCount + 1);

    /// <summary>The hit indices [Start, End) of the hits of <paramref name="kind"/> at <paramref name="depth"/> (<see cref="IndicesOf(NodeKind)"/>, one depth).</summary>
    internal (int Start, int End) RunOf(NodeKind kind, int depth)
    {
        var at = (depth * (KindCount + 1)) + (int)kind;
        return (_kindRuns[at], _kindRuns[at + 1]);
    }

    /// <summary>The deployments kept beside their images, or null when every hit is in the tree.</summary>
    internal Leaves? LeafRunsOf => _leaves;

    /// <summary>Whether the <paramref name="i"/>-th hit is a deployment kept beside its image (<see cref="LeafRunsOf"/>).</summary>
    internal bool IsLeaf(int i) => Entry(i) < 0;

    /// <summary>The <paramref name="i"/>-th hit's tree position, or the complement of its leaf index.</summary>
    private int Entry(int i)
    {
        if (_leaves is null)
        {
            return _hits[i];
        }

        // Segments are a few (one a depth with deployments) and ascending: the leaves before i are counted on the way.
        var segments = _leaves.Segments;
        var before = 0;
        for (var s = 0; s < segments.Length && i >= segments[s]; s += 3)
        {
            var offset = i - segments[s];
            if (offset < segments[s + 2])
            {
                return ~(segments[s + 1] + offset);
            }

            before += segments[s + 2];
        }

        return _hits[i - before];
    }

    /// <summary>The node of the <paramref name="i"/>-th hit.</summary>
    public int NodeAt(int i)
    {
        var hit = Entry(i);
        if (hit >= 0)
        {
            return _nodes[hit];
        }

        var leaf = ~hit;
        var run = _leaves!.RunOf(leaf);
        return _leaves.Firsts[run] + leaf - _leaves.StartOf(run);
    }

    /// <summary>The depth (edges from the nearest start) of the <paramref name="i"/>-th hit.</summary>
    public int DepthAt(int i)
    {
        var hit = Entry(i);
        return hit >= 0 ? DepthOfPosition(hit) : DepthOfPosition(LeafParent(~hit)) + 1;
    }

    private int DepthOfPosition(int position)
    {
        var at = Array.BinarySearch(_levelStarts, position);
        return at >= 0 ? at : ~at - 1;
    }

    private int LeafParent(int leaf) => _leaves!.Parents[_leaves.RunOf(leaf)];

    /// <summary>One shortest path of the <paramref name="i"/>-th hit (built on each call).</summary>
    public IReadOnlyList<PathStep> PathOf(int i)
    {
        var hit = Entry((uint)i < (uint)_count ? i : throw new ArgumentOutOfRangeException(nameof(i)));
        if (hit >= 0)
        {
            return BreadthFirst.PathTo(_nodes, _parents, _edges, hit, _direction);
        }

        // A deployment kept beside its image: its image's path, with the deployment before it (leaves are kept only
        // walking to dependents, where a path reads from the hit down to the start).
        var above = BreadthFirst.PathTo(_nodes, _parents, _edges, LeafParent(~hit), _direction);
        var steps = new PathStep[above.Length + 1];
        steps[0] = new PathStep(NodeAt(i), null, true);
        steps[1] = above[0] with { Edge = EdgeKind.Runs, Forward = true };
        above.AsSpan(1).CopyTo(steps.AsSpan(2));
        return steps;
    }

    /// <summary>
    /// For a dependents hit, without building its path: the first image on the path above the hit (or what
    /// that image's tag resolved to, the next step over RESOLVES_TO) and the start the path ends at.
    /// </summary>
    internal (int? Image, int Start) ImageAndStart(int i, NodeKind[] kinds)
    {
        int? image = null;
        var hit = Entry(i);
        var position = hit >= 0 ? hit : LeafParent(~hit);
        for (var p = hit >= 0 ? _parents[position] : position; p >= 0; p = _parents[p])
        {
            if (image is null && kinds[_nodes[p]] == NodeKind.Image)
            {
                var up = _parents[p];
                image = up >= 0 && TreeEdge.Kind(_edges[p]) == EdgeKind.ResolvesTo ? _nodes[up] : _nodes[p];
            }

            position = p;
        }

        return (image, _nodes[position]);
    }

    /// <summary>Hits <paramref name="offset"/> .. offset + limit - 1 with their paths (a GraphQL page).</summary>
    public IReadOnlyList<ClosureHit> Page(int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var end = (int)Math.Min((long)offset + limit, _count);
        var page = new ClosureHit[Math.Max(0, end - offset)];
        for (var i = offset; i < end; i++)
        {
            page[i - offset] = HitAt(i);
        }

        return page;
    }

    /// <summary>Every hit, each with its path built when it is read (the CLI prints them all).</summary>
    public IReadOnlyList<ClosureHit> Hits { get; }

    private ClosureHit HitAt(int i) => new(NodeAt(i), DepthAt(i), PathOf(i));

    private sealed class LazyHits(ClosureResult result) : IReadOnlyList<ClosureHit>
    {
        public ClosureHit this[int index] => (uint)index < (uint)result.Count ? result.HitAt(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => result.Count;

        public IEnumerator<ClosureHit> GetEnumerator()
        {
            for (var i = 0; i < result.Count; i++)
            {
                yield return result.HitAt(i);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
