using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Indexing;

/// <summary>
/// An immutable, int-interned snapshot of the graph: node ids are dense (0..NodeCount-1), adjacency is
/// compressed sparse rows, forward and reverse, with the edge kind beside each target. Queries read a
/// snapshot; ingestion builds the next one and swaps it in (<see cref="GraphIndexHolder"/>), so a query
/// is never blocked or torn by a commit.
/// </summary>
public sealed class GraphIndex
{
    private readonly NodeKind[] _kinds;
    private readonly string[] _keys;
    private readonly string?[] _names;
    private readonly Dictionary<string, int>[] _byKey;
    private readonly Adjacency _forward;
    private readonly Adjacency _reverse;

    internal GraphIndex(NodeKind[] kinds, string[] keys, string?[] names, Dictionary<string, int>[] byKey, Adjacency forward, Adjacency reverse, long sequence)
    {
        _kinds = kinds;
        _keys = keys;
        _names = names;
        _byKey = byKey;
        _forward = forward;
        _reverse = reverse;
        Sequence = sequence;
    }

    public static GraphIndex Empty { get; } = new GraphIndexBuilder().Build(0);

    /// <summary>The store's change sequence this snapshot reflects.</summary>
    public long Sequence { get; }

    public int NodeCount => _kinds.Length;

    public int EdgeCount => _forward.EdgeCount;

    public NodeKind KindOf(int node) => _kinds[node];

    public string KeyOf(int node) => _keys[node];

    public string? NameOf(int node) => _names[node];

    public NodeRef RefOf(int node) => new(_kinds[node], _keys[node]);

    public bool TryFind(NodeKind kind, string key, out int node) => _byKey[(int)kind].TryGetValue(key, out node);

    public bool TryFind(NodeRef node, out int id) => TryFind(node.Kind, node.Key, out id);

    /// <summary>Edges leaving <paramref name="node"/> (this node uses the targets).</summary>
    public EdgeSpan Outgoing(int node) => _forward.Of(node);

    /// <summary>Edges arriving at <paramref name="node"/> (the sources use this node).</summary>
    public EdgeSpan Incoming(int node) => _reverse.Of(node);

    public IEnumerable<int> NodesOfKind(NodeKind kind) => _byKey[(int)kind].Values;

    public int CountOf(NodeKind kind) => _byKey[(int)kind].Count;

    public bool HasEdge(int from, int to, EdgeKind kind)
    {
        var span = Outgoing(from);
        for (var i = 0; i < span.Count; i++)
        {
            if (span.Target(i) == to && span.Kind(i) == kind)
            {
                return true;
            }
        }

        return false;
    }

    internal Adjacency Forward => _forward;

    internal Adjacency Reverse => _reverse;

    internal NodeKind[] Kinds => _kinds;

    /// <summary>Approximate bytes held by the adjacency arrays (for the memory benchmark).</summary>
    public long AdjacencyBytes => _forward.Bytes + _reverse.Bytes;
}
