using System.Runtime.CompilerServices;

namespace ArtifactGraph.Core.Queries;

/// <summary>The walk's tree in the scratch arrays, appended to in discovery order.</summary>
internal readonly struct Tree
{
    public readonly int[] Nodes;
    private readonly int[] _parents;
    private readonly byte[] _edges;
    private readonly int[]? _positionOf;
    private readonly int[] _positionStore;

    public Tree(TraversalScratch scratch, bool trackPositions)
    {
        Nodes = scratch.Nodes;
        _parents = scratch.Parents;
        _edges = scratch.Edges;
        _positionStore = scratch.PositionOf;
        _positionOf = trackPositions ? _positionStore : null;
    }

    public bool TracksPositions => _positionOf is not null;

    /// <summary>The same tree, recording positions from now on, with those of the first <paramref name="tail"/> filled in.</summary>
    public Tree Tracking(int tail)
    {
        for (var p = 0; p < tail; p++)
        {
            _positionStore[Nodes[p]] = p;
        }

        return new Tree(this);
    }

    private Tree(Tree untracked)
    {
        Nodes = untracked.Nodes;
        _parents = untracked._parents;
        _edges = untracked._edges;
        _positionStore = untracked._positionStore;
        _positionOf = _positionStore;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Append(int node, int parent, byte edge, int tail)
    {
        Nodes[tail] = node;
        _parents[tail] = parent;
        _edges[tail] = edge;
        if (_positionOf is not null)
        {
            _positionOf[node] = tail;
        }

        return tail + 1;
    }

    /// <summary>The node's position when the walk discovered it before <paramref name="end"/>; otherwise -1. Only while tracking.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PositionBefore(int node, int end)
    {
        var position = _positionStore[node];
        return position < end && Nodes[position] == node ? position : -1;
    }
}
