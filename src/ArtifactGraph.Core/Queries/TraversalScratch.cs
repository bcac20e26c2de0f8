namespace ArtifactGraph.Core.Queries;

/// <summary>
/// Per-thread BFS state sized to the snapshot: a visited bitmap (one bit a node, so it stays in cache
/// and clearing it costs N/8 bytes) and the walk's tree indexed by discovery position, written
/// sequentially. A result that outlives the walk copies what it needs (<see cref="ClosureResult"/>), so
/// the next query on the thread may reuse all of this.
/// </summary>
internal sealed class TraversalScratch
{
    [ThreadStatic]
    private static TraversalScratch? _instance;

    private ulong[] _visited = [];

    /// <summary>The node at each discovery position (the BFS queue).</summary>
    public int[] Nodes { get; private set; } = [];

    /// <summary>The discovery position of each position's parent; -1 for a start.</summary>
    public int[] Parents { get; private set; } = [];

    /// <summary>The edge each position was reached by (<see cref="TreeEdge"/>).</summary>
    public byte[] Edges { get; private set; } = [];

    /// <summary>
    /// Each discovered node's position, for the bottom-up look at hubs. Never cleared: an entry is valid
    /// only when Nodes[entry] is the node, which holds for the nodes discovered by the current walk alone.
    /// </summary>
    public int[] PositionOf { get; private set; } = [];

    /// <summary>Positions of hits in discovery order (filled by a collector).</summary>
    public int[] Hits { get; private set; } = [];

    /// <summary>The node kind of each hit, beside <see cref="Hits"/>: ordering the hits by kind then reads them in sequence.</summary>
    public byte[] HitKinds { get; private set; } = [];

    /// <summary>The positions of one level whose nodes have a row to read (<see cref="BreadthFirst.Walk"/>).</summary>
    public int[] Expanding { get; private set; } = [];

    /// <summary>The deployments a walk kept beside their images rather than in its tree (<see cref="LeafRuns"/>).</summary>
    public LeafRuns Leaves { get; } = new();

    /// <summary>Whether a deployment was visited before the walk (a start, or a blocked node): runner ranges are then tested (<see cref="BreadthFirst"/>).</summary>
    public bool DeploymentVisited { get; set; }

    /// <summary>Positions where each depth begins; LevelStarts[d] is the first position at depth d.</summary>
    public List<int> LevelStarts { get; } = [];

    public static TraversalScratch For(int nodeCount)
    {
        var scratch = _instance ??= new TraversalScratch();
        scratch.Reset(nodeCount);
        return scratch;
    }

    /// <summary>Marks <paramref name="node"/> visited; false when it already was.</summary>
    public bool TryVisit(int node)
    {
        ref var word = ref _visited[node >> 6];
        var bit = 1UL << node;
        if ((word & bit) != 0)
        {
            return false;
        }

        word |= bit;
        return true;
    }

    public ulong[] Visited => _visited;

    /// <summary>
    /// A second bit a node, for marking a few nodes to find them in one pass over a tree. Clear between uses: whoever sets
    /// bits clears them again (a few, where clearing the whole map per query would cost as much as the allocation it saves).
    /// </summary>
    public ulong[] Marks { get; private set; } = [];

    private void Reset(int nodeCount)
    {
        if (Nodes.Length < nodeCount)
        {
            var size = Math.Max(nodeCount, Nodes.Length * 2);
            _visited = new ulong[(size + 63) >> 6];
            Marks = new ulong[(size + 63) >> 6];
            Nodes = new int[size];
            Parents = new int[size];
            Edges = new byte[size];
            Hits = new int[size];
            HitKinds = new byte[size];
            PositionOf = new int[size];
            Expanding = new int[size];

            // Read and written at random by node id, like the index's rows.
            Indexing.HugePages.Advise(_visited);
            Indexing.HugePages.Advise(PositionOf);
        }
        else
        {
            Array.Clear(_visited, 0, (nodeCount + 63) >> 6);
        }

        LevelStarts.Clear();
        Leaves.Clear();
        DeploymentVisited = false;
    }
}

/// <summary>A tree edge packed in a byte: the edge kind, plus a flag when it points from the child to the parent.</summary>
internal static class TreeEdge
{
    public const byte ChildToParent = 0x80;

    public static Graph.EdgeKind Kind(byte edge) => (Graph.EdgeKind)(edge & 0x7F);

    public static bool PointsToParent(byte edge) => (edge & ChildToParent) != 0;
}
