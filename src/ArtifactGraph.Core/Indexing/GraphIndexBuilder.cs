using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Core.Indexing;

/// <summary>
/// Accumulates nodes and edges (from a store load, or from a previous snapshot plus a committed batch)
/// and freezes them into a <see cref="GraphIndex"/>. Store ids are mapped to dense ints here.
/// </summary>
public sealed class GraphIndexBuilder : IGraphLoadSink
{
    private static readonly int KindCount = Enum.GetValues<NodeKind>().Length;

    /// <summary>A snapshot is ordered again once nodes added after its ordered part exceed this fraction (1/N) of it.</summary>
    internal const int ReorderAfter = 8;

    private readonly List<NodeKind> _kinds = [];
    private readonly List<string> _keys = [];
    private readonly List<string?> _names = [];
    private readonly Dictionary<string, int>[] _byKey;
    private readonly Dictionary<long, int> _storeIds = [];
    private readonly List<int> _sources = [];
    private readonly List<int> _targets = [];
    private readonly List<EdgeKind> _edgeKinds = [];
    // Only needed when edges may repeat (a batch applied over a snapshot); a store load is already unique.
    private HashSet<(int, int, EdgeKind)>? _edgeSet;
    private int[]? _indexIds;

    // How many leading ids of the snapshot this builder started from were placed by NodeOrder.
    private int _ordered;

    public GraphIndexBuilder()
    {
        _byKey = new Dictionary<string, int>[KindCount];
        for (var i = 0; i < KindCount; i++)
        {
            _byKey[i] = new Dictionary<string, int>(StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Whether <see cref="Build"/> numbers nodes for the walks' locality (<see cref="NodeOrder"/>). Worth it for a
    /// snapshot that answers many queries (a server's); a one-shot snapshot (a CLI command) answers one or two,
    /// and ordering costs about as much as the rest of a build while saving milliseconds a walk.
    /// </summary>
    public bool OrderForWalks { get; init; } = true;

    /// <summary>Starts from an existing snapshot, so a committed batch can be applied on top of it.</summary>
    public static GraphIndexBuilder From(GraphIndex snapshot)
    {
        var builder = new GraphIndexBuilder { _edgeSet = [], _ordered = snapshot.OrderedNodes, OrderForWalks = snapshot.OrderedForWalks };
        for (var n = 0; n < snapshot.NodeCount; n++)
        {
            builder.AddNode(snapshot.KindOf(n), snapshot.KeyOf(n), snapshot.NameOf(n));
        }

        for (var n = 0; n < snapshot.NodeCount; n++)
        {
            var edges = snapshot.Outgoing(n);
            for (var i = 0; i < edges.Count; i++)
            {
                // Derived edges are recomputed for every snapshot (DerivedEdges), never carried over.
                if (edges.Kind(i) != EdgeKind.ResolvesTo)
                {
                    builder.AddEdge(n, edges.Target(i), edges.Kind(i));
                }
            }
        }

        return builder;
    }

    public int AddNode(NodeKind kind, string key, string? name)
    {
        var map = _byKey[(int)kind];
        if (map.TryGetValue(key, out var existing))
        {
            if (_names[existing] is null && name is not null)
            {
                _names[existing] = name;
            }

            return existing;
        }

        var id = _kinds.Count;
        _kinds.Add(kind);
        _keys.Add(key);
        _names.Add(name);
        map.Add(key, id);
        return id;
    }

    public bool TryFind(NodeRef node, out int id) => _byKey[(int)node.Kind].TryGetValue(node.Key, out id);

    /// <summary>Adds an edge; when built <see cref="From"/> a snapshot, a repeated (from, to, kind) is ignored.</summary>
    public void AddEdge(int from, int to, EdgeKind kind)
    {
        if (_edgeSet is null || _edgeSet.Add((from, to, kind)))
        {
            _sources.Add(from);
            _targets.Add(to);
            _edgeKinds.Add(kind);
        }
    }

    void IGraphLoadSink.OnNode(long id, NodeKind kind, string key, string? name) => _storeIds[id] = AddNode(kind, key, name);

    void IGraphLoadSink.OnEdge(long fromId, long toId, EdgeKind kind)
    {
        if (_storeIds.TryGetValue(fromId, out var from) && _storeIds.TryGetValue(toId, out var to))
        {
            AddEdge(from, to, kind);
        }
    }

    /// <summary>
    /// The id the last <see cref="Build"/> gave the node this builder calls <paramref name="builderId"/>:
    /// the index numbers nodes for the walks' locality (<see cref="NodeOrder"/>), not in the order added
    /// (unless the build kept a snapshot's order, when the ids are the builder's).
    /// </summary>
    internal int IndexIdOf(int builderId) => _indexIds is { } ids ? ids[builderId] : builderId;

    public GraphIndex Build(long sequence)
    {
        var n = _kinds.Count;
        var sources = _sources.ToArray();
        var targets = _targets.ToArray();
        var kinds = _edgeKinds.ToArray();

        // Ids are renumbered for the walks' locality (NodeOrder); the builder's own ids stay as they are. A
        // snapshot plus a commit's few new nodes keeps its order, the new nodes after it: ordering costs about
        // as much as the rest of a build, and a commit's nodes are a sliver of the graph. Once the unordered
        // tail passes an eighth of the ordered part, the whole graph is ordered again.
        NodeKind[] nodeKinds;
        IReadOnlyList<string> keys;
        IReadOnlyList<string?> nodeNames;
        int ordered;
        if (!OrderForWalks || (_ordered > 0 && n - _ordered <= _ordered / ReorderAfter))
        {
            _indexIds = null;
            (nodeKinds, keys, nodeNames, ordered) = (_kinds.ToArray(), _keys, _names, _ordered);
        }
        else
        {
            var newId = _indexIds = NodeOrder.ForReverseWalks(n, sources, targets, kinds);
            for (var i = 0; i < sources.Length; i++)
            {
                sources[i] = newId[sources[i]];
                targets[i] = newId[targets[i]];
            }

            nodeKinds = new NodeKind[n];
            var renumberedKeys = new string[n];
            var renumberedNames = new string?[n];
            for (var old = 0; old < n; old++)
            {
                nodeKinds[newId[old]] = _kinds[old];
                renumberedKeys[newId[old]] = _keys[old];
                renumberedNames[newId[old]] = _names[old];
            }

            (keys, nodeNames, ordered) = (renumberedKeys, renumberedNames, n);
        }

        var forward = Adjacency.Build(n, sources, targets, kinds);
        var hubs = Hubs.Find(forward, out var isHub);
        var reverse = hubs.Length == 0
            ? Adjacency.Build(n, targets, sources, kinds)
            : Adjacency.BuildSplit(n, targets, sources, kinds, isHub);

        // Names repeat (every version of a package shares one): intern them, one arena entry per distinct name.
        var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var nameOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (nodeNames[i] is not { } name)
            {
                nameOf[i] = -1;
                continue;
            }

            if (!distinct.TryGetValue(name, out var id))
            {
                id = names.Count;
                names.Add(name);
                distinct.Add(name, id);
            }

            nameOf[i] = id;
        }

        return new GraphIndex(nodeKinds, Utf8Arena.From(keys), Utf8Arena.From(names), nameOf, forward, reverse, hubs, sequence) { OrderedNodes = ordered, OrderedForWalks = OrderForWalks };
    }
}
