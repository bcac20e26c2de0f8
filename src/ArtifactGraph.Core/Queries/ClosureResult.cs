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
    private readonly int[] _hits;
    private readonly int[] _levelStarts;
    private readonly int[] _kindCounts;
    private readonly int[] _kindRuns;
    private readonly Direction _direction;

    internal ClosureResult(IReadOnlyList<int> starts, Direction direction, int[] nodes, int[] parents, byte[] edges, int[] hits, int[] levelStarts, int[] kindCounts, int[] kindRuns, bool truncated)
    {
        _kindRuns = kindRuns;
        Starts = starts;
        _direction = direction;
        _nodes = nodes;
        _parents = parents;
        _edges = edges;
        _hits = hits;
        _levelStarts = levelStarts;
        _kindCounts = kindCounts;
        Truncated = truncated;
        Hits = new LazyHits(this);
    }

    public IReadOnlyList<int> Starts { get; }

    /// <summary>True when collection stopped at <see cref="ClosureOptions.MaxResults"/>.</summary>
    public bool Truncated { get; }

    /// <summary>Number of hits.</summary>
    public int Count => _hits.Length;

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

    /// <summary>The node of the <paramref name="i"/>-th hit.</summary>
    public int NodeAt(int i) => _nodes[_hits[i]];

    /// <summary>The depth (edges from the nearest start) of the <paramref name="i"/>-th hit.</summary>
    public int DepthAt(int i)
    {
        var at = Array.BinarySearch(_levelStarts, _hits[i]);
        return at >= 0 ? at : ~at - 1;
    }

    /// <summary>One shortest path of the <paramref name="i"/>-th hit (built on each call).</summary>
    public IReadOnlyList<PathStep> PathOf(int i) => BreadthFirst.PathTo(_nodes, _parents, _edges, _hits[(uint)i < (uint)_hits.Length ? i : throw new ArgumentOutOfRangeException(nameof(i))], _direction);

    /// <summary>
    /// For a dependents hit, without building its path: the first image on the path above the hit (or what
    /// that image's tag resolved to, the next step over RESOLVES_TO) and the start the path ends at.
    /// </summary>
    internal (int? Image, int Start) ImageAndStart(int i, NodeKind[] kinds)
    {
        int? image = null;
        var position = _hits[i];
        for (var p = _parents[position]; p >= 0; p = _parents[p])
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
        var end = (int)Math.Min((long)offset + limit, _hits.Length);
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
