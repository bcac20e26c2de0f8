using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Queries;

/// <summary>
/// Per-thread BFS state sized to the snapshot. A generation stamp marks visited nodes, so a query
/// never clears (or allocates) arrays proportional to the graph.
/// </summary>
internal sealed class TraversalScratch
{
    [ThreadStatic]
    private static TraversalScratch? _instance;

    private int[] _stamp = [];
    private int _generation;

    public int[] Parent { get; private set; } = [];

    public int[] Depth { get; private set; } = [];

    public EdgeKind[] ParentEdge { get; private set; } = [];

    /// <summary>True when the edge to the parent points from the child to the parent.</summary>
    public bool[] ChildToParent { get; private set; } = [];

    public int[] Queue { get; private set; } = [];

    public static TraversalScratch For(int nodeCount)
    {
        var scratch = _instance ??= new TraversalScratch();
        scratch.Reset(nodeCount);
        return scratch;
    }

    public bool IsVisited(int node) => _stamp[node] == _generation;

    public void MarkVisited(int node) => _stamp[node] = _generation;

    private void Reset(int nodeCount)
    {
        if (_stamp.Length < nodeCount)
        {
            var size = Math.Max(nodeCount, _stamp.Length * 2);
            _stamp = new int[size];
            Parent = new int[size];
            Depth = new int[size];
            ParentEdge = new EdgeKind[size];
            ChildToParent = new bool[size];
            Queue = new int[size];
            _generation = 0;
        }

        _generation++;
        if (_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
    }
}
