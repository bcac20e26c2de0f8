using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Indexing;

/// <summary>
/// An immutable, int-interned snapshot of the graph: node ids are dense (0..NodeCount-1), adjacency is
/// compressed sparse rows, forward and reverse, with the edge kind beside each target. Keys live as
/// UTF-8 in one arena with an open-addressing lookup over it, and names are interned the same way, so a
/// node costs a few dozen bytes plus its key. Queries read a snapshot; ingestion builds the next one and
/// swaps it in (<see cref="GraphIndexHolder"/>), so a query is never blocked or torn by a commit.
/// </summary>
public sealed class GraphIndex
{
    private readonly NodeKind[] _kinds;
    private readonly Utf8Arena _keys;
    private readonly KeyLookup _lookup;
    private readonly Utf8Arena _names;
    private readonly int[] _nameOf;
    private readonly int[] _countOf;
    private readonly Adjacency _forward;
    private readonly Adjacency _reverse;
    private readonly int[] _hubs;

    internal GraphIndex(NodeKind[] kinds, Utf8Arena keys, Utf8Arena names, int[] nameOf, Adjacency forward, Adjacency reverse, int[] hubs, long sequence)
    {
        _hubs = hubs;
        AliasLeaves = FindAliasLeaves(kinds, forward, reverse);
        ForwardAliasRows = FindAliasRows(forward, AliasLeaves);
        ReverseAliasRows = FindAliasRows(reverse, AliasLeaves);
        Runners = RunnerRanges.Of(kinds, forward, reverse);
        _kinds = kinds;
        _keys = keys;
        _lookup = new KeyLookup(keys, kinds);
        _names = names;
        _nameOf = nameOf;
        _forward = forward;
        _reverse = reverse;
        forward.AdviseHugePages();
        reverse.AdviseHugePages();
        HugePages.Advise(kinds);
        _countOf = new int[Enum.GetValues<NodeKind>().Length];
        foreach (var kind in kinds)
        {
            _countOf[(int)kind]++;
        }

        Sequence = sequence;
    }

    public static GraphIndex Empty { get; } = new GraphIndexBuilder().Build(0);

    /// <summary>Ids below this were placed for locality (<see cref="NodeOrder"/>); those above, in arrival order since.</summary>
    internal int OrderedNodes { get; init; }

    /// <summary>Whether snapshots built from this one order their nodes (<see cref="GraphIndexBuilder.OrderForWalks"/>).</summary>
    internal bool OrderedForWalks { get; init; } = true;

    /// <summary>Set before publishing when this snapshot is a batch applied over another; null when loaded whole.</summary>
    internal SnapshotLineage? Lineage { get; set; }

    /// <summary>The store's change sequence this snapshot reflects.</summary>
    public long Sequence { get; }

    public int NodeCount => _kinds.Length;

    public int EdgeCount => _forward.EdgeCount;

    public NodeKind KindOf(int node) => _kinds[node];

    /// <summary>The node's key, decoded from the arena (allocates).</summary>
    public string KeyOf(int node) => _keys.GetString(node);

    /// <summary>The node's key as stored, without allocating.</summary>
    public ReadOnlySpan<byte> Utf8KeyOf(int node) => _keys[node];

    /// <summary>The node's display name, decoded from the interned names (allocates), or null.</summary>
    public string? NameOf(int node) => _nameOf[node] is var name and >= 0 ? _names.GetString(name) : null;

    /// <summary>The node's display name as stored (empty when it has none), without allocating: for scans such as search.</summary>
    public ReadOnlySpan<byte> Utf8NameOf(int node) => _nameOf[node] is var name and >= 0 ? _names[name] : default;

    public NodeRef RefOf(int node) => new(_kinds[node], KeyOf(node));

    public bool TryFind(NodeKind kind, string key, out int node) => _lookup.TryFind(kind, key, out node);

    public bool TryFind(NodeKind kind, ReadOnlySpan<byte> utf8Key, out int node) => _lookup.TryFind(kind, utf8Key, out node);

    public bool TryFind(NodeRef node, out int id) => TryFind(node.Kind, node.Key, out id);

    /// <summary>Edges leaving <paramref name="node"/> (this node uses the targets).</summary>
    public EdgeSpan Outgoing(int node) => _forward.Of(node);

    /// <summary>Edges arriving at <paramref name="node"/> (the sources use this node).</summary>
    public EdgeSpan Incoming(int node) => _reverse.Of(node);

    /// <summary>Nodes of one kind in id order (a scan over the kinds: for reports, not hot paths).</summary>
    public IEnumerable<int> NodesOfKind(NodeKind kind)
    {
        for (var n = 0; n < _kinds.Length; n++)
        {
            if (_kinds[n] == kind)
            {
                yield return n;
            }
        }
    }

    public int CountOf(NodeKind kind) => _countOf[(int)kind];

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

    /// <summary>Bit n is set when node n is an artifact whose only edge is one OCCURS_AS (see <see cref="Queries.BreadthFirst"/>).</summary>
    internal ulong[] AliasLeaves { get; }

    /// <summary>
    /// Bit n is set when node n's forward row has an OCCURS_AS edge to a node that is not an alias leaf. A walk
    /// that prunes alias leaves takes OCCURS_AS against its direction only from these nodes: nearly every
    /// package has one such edge, to its own digest, and reading the other row of every node reached only to
    /// find that leaf was most of a blast-radius walk.
    /// </summary>
    internal ulong[] ForwardAliasRows { get; }

    /// <summary>As <see cref="ForwardAliasRows"/>, for the reverse rows.</summary>
    internal ulong[] ReverseAliasRows { get; }

    /// <summary>Each image's deployments as a range of ids, where they are one (<see cref="RunnerRanges"/>).</summary>
    internal RunnerRanges Runners { get; }

    /// <summary>Nodes with a forward row of at least <see cref="Hubs.RowLength"/> edges, in id order.</summary>
    internal int[] HubNodes => _hubs;

    /// <summary>Approximate bytes held by the adjacency arrays (for the memory benchmark).</summary>
    public long AdjacencyBytes => _forward.Bytes + _reverse.Bytes;

    /// <summary>Approximate bytes held per node: kinds, key arena and lookup, names (for the memory benchmark).</summary>
    public long NodeBytes => _kinds.LongLength + _keys.Bytes + _lookup.Bytes + _names.Bytes + (_nameOf.LongLength * 4) + (_hubs.LongLength * 4)
        + ((AliasLeaves.LongLength + ForwardAliasRows.LongLength + ReverseAliasRows.LongLength) * 8) + Runners.Bytes;

    private static ulong[] FindAliasRows(Adjacency adjacency, ulong[] leaves)
    {
        var rows = new ulong[leaves.Length];
        var offsets = adjacency.Offsets;
        var targets = adjacency.Targets;
        var kinds = adjacency.Kinds;
        const int occursAs = 1 << (int)EdgeKind.OccursAs;
        for (var n = 0; n < offsets.Length - 1; n++)
        {
            if ((adjacency.RowKinds[n] & occursAs) == 0)
            {
                continue;
            }

            for (var i = offsets[n]; i < offsets[n + 1]; i++)
            {
                var target = targets[i];
                if (kinds[i] == EdgeKind.OccursAs && (leaves[target >> 6] & (1UL << target)) == 0)
                {
                    rows[n >> 6] |= 1UL << n;
                    break;
                }
            }
        }

        return rows;
    }

    private static ulong[] FindAliasLeaves(NodeKind[] kinds, Adjacency forward, Adjacency reverse)
    {
        var leaves = new ulong[(kinds.Length + 63) >> 6];
        for (var n = 0; n < kinds.Length; n++)
        {
            if (kinds[n] != NodeKind.Artifact)
            {
                continue;
            }

            var outgoing = forward.Of(n);
            var incoming = reverse.Of(n);
            var only = outgoing.Count == 1 && incoming.Count == 0 ? outgoing.Kind(0)
                : outgoing.Count == 0 && incoming.Count == 1 ? incoming.Kind(0)
                : (EdgeKind?)null;
            if (only == EdgeKind.OccursAs)
            {
                leaves[n >> 6] |= 1UL << n;
            }
        }

        return leaves;
    }
}
