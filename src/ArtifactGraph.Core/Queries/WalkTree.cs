using System.Runtime.CompilerServices;

namespace ArtifactGraph.Core.Queries;

/// <summary>The walk's tree in the scratch arrays, appended to in discovery order.</summary>
internal readonly struct Tree(TraversalScratch scratch)
{
    public readonly int[] Nodes = scratch.Nodes;
    private readonly int[] _parents = scratch.Parents;
    private readonly byte[] _edges = scratch.Edges;
    private readonly int[] _positionOf = scratch.PositionOf;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Append(int node, int parent, byte edge, int tail)
    {
        Nodes[tail] = node;
        _parents[tail] = parent;
        _edges[tail] = edge;
        _positionOf[node] = tail;
        return tail + 1;
    }

    /// <summary>The node's position when the walk discovered it before <paramref name="end"/>; otherwise -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PositionBefore(int node, int end)
    {
        var position = _positionOf[node];
        return position < end && Nodes[position] == node ? position : -1;
    }
}
