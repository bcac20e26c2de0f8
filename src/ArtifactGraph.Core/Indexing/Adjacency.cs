using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Indexing;

/// <summary>
/// One direction of compressed sparse rows: node n's edges are targets[offsets[n]..offsets[n+1]],
/// with kinds[] alongside, and per node the set of kinds in its row, so a walk whose allowlist covers
/// the whole row skips the per-edge kind test. 5 bytes an edge, 6 a node.
/// </summary>
internal sealed class Adjacency
{
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly EdgeKind[] _kinds;
    private readonly ushort[] _rowKinds;

    public Adjacency(int[] offsets, int[] targets, EdgeKind[] kinds)
    {
        _offsets = offsets;
        _targets = targets;
        _kinds = kinds;
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

    /// <summary>Row starts, one per node plus one: for the traversal's inner loop.</summary>
    internal int[] Offsets => _offsets;

    internal int[] Targets => _targets;

    internal EdgeKind[] Kinds => _kinds;

    /// <summary>Bit k of RowKinds[n] is set when node n's row has an edge of kind k.</summary>
    internal ushort[] RowKinds => _rowKinds;

    public long Bytes => (_offsets.LongLength * 4) + (_targets.LongLength * 4) + _kinds.LongLength + (_rowKinds.LongLength * 2);

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
