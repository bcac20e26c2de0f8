using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Indexing;

/// <summary>
/// One direction of compressed sparse rows: node n's edges are targets[offsets[n]..offsets[n+1]],
/// with kinds[] alongside, and per node the set of kinds in its row, so a walk whose allowlist covers
/// the whole row skips the per-edge kind test. 5 bytes an edge, 6 a node.
/// A reverse adjacency may also be split by hub (see <see cref="HubStarts"/>): 4 more bytes a node.
/// </summary>
internal sealed class Adjacency
{
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly EdgeKind[] _kinds;
    private readonly ushort[] _rowKinds;
    private readonly int[]? _hubStarts;

    public Adjacency(int[] offsets, int[] targets, EdgeKind[] kinds, int[]? hubStarts = null)
    {
        _offsets = offsets;
        _targets = targets;
        _kinds = kinds;
        _hubStarts = hubStarts;
        _rowKinds = new ushort[offsets.Length - 1];
        for (var n = 0; n < _rowKinds.Length; n++)
        {
            var mask = 0;
            for (var i = offsets[n]; i < offsets[n + 1]; i++)
            {
                mask |= 1 << (int)kinds[i];
            }

            _rowKinds[n] = (ushort)mask;
        }
    }

    public int EdgeCount => _targets.Length;

    /// <summary>Asks for huge pages under the arrays a walk reads at random (<see cref="HugePages"/>).</summary>
    internal void AdviseHugePages()
    {
        HugePages.Advise(_offsets);
        HugePages.Advise(_targets);
        HugePages.Advise(_kinds);
        HugePages.Advise(_rowKinds);
        if (_hubStarts is not null)
        {
            HugePages.Advise(_hubStarts);
        }
    }

    /// <summary>Row starts, one per node plus one: for the traversal's inner loop.</summary>
    internal int[] Offsets => _offsets;

    internal int[] Targets => _targets;

    internal EdgeKind[] Kinds => _kinds;

    /// <summary>Bit k of RowKinds[n] is set when node n's row has an edge of kind k.</summary>
    internal ushort[] RowKinds => _rowKinds;

    /// <summary>
    /// When the rows are split by hub, node n's edges from hubs (nodes with very long rows the other way,
    /// such as images listing a thousand components) are targets[HubStarts[n]..offsets[n+1]], after the
    /// others; null when the rows are not split. The walk uses the split to look at hubs from their own
    /// side when that is cheaper (<see cref="Queries.BreadthFirst"/>).
    /// </summary>
    internal int[]? HubStarts => _hubStarts;

    public long Bytes => (_offsets.LongLength * 4) + (_targets.LongLength * 4) + _kinds.LongLength + (_rowKinds.LongLength * 2)
        + ((_hubStarts?.LongLength ?? 0) * 4);

    public EdgeSpan Of(int node)
    {
        var start = _offsets[node];
        return new EdgeSpan(_targets, _kinds, start, _offsets[node + 1] - start);
    }

    /// <summary>Builds rows by counting sort over (source, target, kind) triples.</summary>
    public static Adjacency Build(int nodeCount, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, ReadOnlySpan<EdgeKind> kinds)
    {
        var offsets = new int[nodeCount + 1];
        foreach (var s in sources)
        {
            offsets[s + 1]++;
        }

        for (var i = 0; i < nodeCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var cursor = offsets.AsSpan(0, nodeCount).ToArray();
        var outTargets = new int[sources.Length];
        var outKinds = new EdgeKind[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            var slot = cursor[sources[i]]++;
            outTargets[slot] = targets[i];
            outKinds[slot] = kinds[i];
        }

        return new Adjacency(offsets, outTargets, outKinds);
    }

    /// <summary>
    /// Builds rows like <see cref="Build(int, ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{EdgeKind})"/>,
    /// but within each row the edges whose target is a hub come last, each part in input order.
    /// </summary>
    public static Adjacency BuildSplit(int nodeCount, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, ReadOnlySpan<EdgeKind> kinds, ulong[] isHub)
    {
        var offsets = new int[nodeCount + 1];
        var hubCounts = new int[nodeCount];
        for (var i = 0; i < sources.Length; i++)
        {
            offsets[sources[i] + 1]++;
            if (IsSet(isHub, targets[i]))
            {
                hubCounts[sources[i]]++;
            }
        }

        for (var i = 0; i < nodeCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        // Reuse the count array as the hub part's start, and a copy of the offsets as the first part's cursor.
        var low = offsets.AsSpan(0, nodeCount).ToArray();
        var hubStarts = hubCounts;
        for (var i = 0; i < nodeCount; i++)
        {
            hubStarts[i] = offsets[i + 1] - hubCounts[i];
        }

        var high = hubStarts.AsSpan().ToArray();
        var outTargets = new int[sources.Length];
        var outKinds = new EdgeKind[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            var slot = IsSet(isHub, targets[i]) ? high[sources[i]]++ : low[sources[i]]++;
            outTargets[slot] = targets[i];
            outKinds[slot] = kinds[i];
        }

        return new Adjacency(offsets, outTargets, outKinds, hubStarts);
    }

    private static bool IsSet(ulong[] bits, int node) => (bits[node >> 6] & (1UL << node)) != 0;
}

/// <summary>A node's edges in one direction, without allocation.</summary>
public readonly struct EdgeSpan
{
    private readonly int[] _targets;
    private readonly EdgeKind[] _kinds;
    private readonly int _start;

    internal EdgeSpan(int[] targets, EdgeKind[] kinds, int start, int count)
    {
        _targets = targets;
        _kinds = kinds;
        _start = start;
        Count = count;
    }

    public int Count { get; }

    public int Target(int i) => _targets[_start + i];

    public EdgeKind Kind(int i) => _kinds[_start + i];
}
