using System.IO.Hashing;
using System.Runtime.InteropServices;
using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Ingestion;

/// <summary>
/// Collects a document's nodes and edges, merging duplicates: a node seen twice keeps the first name
/// and the union of properties (first value wins); an edge seen twice is one edge. The Document node
/// and its DESCRIBES edge to the subject are added by <see cref="Build"/>.
/// With a spill sink, every <see cref="SpillThreshold"/> pending records are handed to the sink and
/// forgotten (only node identities are remembered), so a 250 MB SBOM never sits in memory as records;
/// the same merge rules then hold across chunks because the store applies them.
/// </summary>
public sealed class IngestBatchBuilder
{
    public const int DefaultSpillThreshold = 50_000;

    private static readonly IReadOnlyDictionary<string, string> NoProperties = new Dictionary<string, string>();

    private readonly IBatchSink? _spill;

    // Every node identity added, spilled or not: 128-bit hashes, not the NodeRefs (a 250 MB SBOM's keys would
    // otherwise stay alive here for the whole read, ~185 MB measured). XxHash128 over (kind, key): a collision is
    // ~2^-64 at 10^9 nodes. Each maps to its slot: a dense id (edges are keyed by their ends' ids, 12 bytes, not two
    // 16-byte hashes) and where its pending record is. One table answers "known?" and "pending where?" in one lookup.
    private readonly Dictionary<UInt128, NodeSlot> _nodes = TakeSpare(ref t_spareNodes);
    private readonly int[] _countsByKind = new int[Enum.GetValues<NodeKind>().Length];

    // The last nodes added, by their key's reference: most edges join a node just added (a version to its package,
    // a component to its artifact or license), so their ends are found without hashing the keys again.
    private readonly RecentNode[] _recent = new RecentNode[4];
    private int _recentNext;

    // Pending (not yet spilled) records, in the order added, as the records the batch hands out (a record is
    // replaced when a later mention names it or brings its first properties). A node's slot holds the position of
    // its record counted over every chunk; positions before _chunkStart were spilled.
    private readonly Dictionary<EdgeKey, int> _pendingEdges = TakeSpare(ref t_spareEdges);
    private List<NodeRecord> _nodeOrder = [];
    private List<EdgeRecord> _edgeOrder = [];
    private int _chunkStart;
    private readonly List<IngestWarning> _warnings = [];
    private readonly List<ClaimRecord> _claims = [];
    private bool _spilled;
    private bool _built;
    private int _builtNodeCount;

    // The two tables of the last builder built on this thread, emptied, for the next document: a 1,000-component
    // SBOM's tables are large-object-heap arrays (~100 and ~170 KB), and allocating them per document cost a gen2
    // collection every few documents. Only tables up to MaxSpare entries are kept, so one huge document does not
    // pin its tables for the life of the thread.
    private const int MaxSpare = 1 << 16;

    [ThreadStatic]
    private static Dictionary<UInt128, NodeSlot>? t_spareNodes;

    [ThreadStatic]
    private static Dictionary<EdgeKey, int>? t_spareEdges;
    private long _edgesWritten;

    public IngestBatchBuilder(IBatchSink? spill = null, int spillThreshold = DefaultSpillThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(spillThreshold, 1);
        _spill = spill;
        SpillThreshold = spillThreshold;
    }

    public int SpillThreshold { get; }

    /// <summary>Distinct nodes added so far, spilled or not.</summary>
    public int NodeCount => _built ? _builtNodeCount : _nodes.Count;

    /// <summary>Edges added so far (an edge repeated after a spill may be counted twice).</summary>
    public long EdgeCount => _edgesWritten + _edgeOrder.Count;

    public bool HasNode(NodeRef node) => !_built ? _nodes.ContainsKey(Identity(node)) : throw Spent();

    /// <summary>
    /// Edges not yet handed to the spill sink, in the order added: every edge when the builder has no sink.
    /// For mappers that must see the graph they built (e.g. to attach what nothing reaches).
    /// </summary>
    public IReadOnlyList<EdgeRecord> PendingEdges => _edgeOrder;

    /// <summary>
    /// Sizes the pending collections for a document expected to hold about this many nodes and edges (capped at
    /// the spill threshold), so a large document does not grow them by doubling, copying each step.
    /// </summary>
    public void EnsureCapacity(int nodes, int edges)
    {
        var cap = _spill is null ? int.MaxValue : SpillThreshold;
        nodes = Math.Clamp(nodes, 0, cap);
        edges = Math.Clamp(edges, 0, cap);
        _nodes.EnsureCapacity(nodes);
        _nodeOrder.EnsureCapacity(nodes);
        _pendingEdges.EnsureCapacity(edges);
        _edgeOrder.EnsureCapacity(edges);
    }

    public NodeRef AddNode(NodeRef node, string? name = null, IEnumerable<KeyValuePair<string, string>>? properties = null)
    {
        ThrowIfBuilt();
        var identity = Identity(node);
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_nodes, identity, out var known);
        if (!known)
        {
            slot = new NodeSlot(_nodes.Count - 1, -1);
            _countsByKind[(int)node.Kind]++;
        }

        _recent[_recentNext++ & 3] = new RecentNode(node.Key, node.Kind, slot.Id);
        if (slot.Position < _chunkStart)
        {
            // New, or its record was spilled: a record in this chunk (the store merges it with the earlier one).
            slot.Position = _chunkStart + _nodeOrder.Count;
            _nodeOrder.Add(new NodeRecord(node, name, Collect(null, properties) ?? NoProperties, identity));
        }
        else
        {
            var index = slot.Position - _chunkStart;
            var existing = _nodeOrder[index];
            var bag = Collect(existing.Properties as PropertyBag, properties) ?? NoProperties;
            if ((existing.Name is null && name is not null) || !ReferenceEquals(bag, existing.Properties))
            {
                _nodeOrder[index] = existing with { Name = existing.Name ?? name, Properties = bag };
            }
        }

        SpillIfFull();
        return node;
    }

    /// <summary>Adds an edge; both ends must have been added as nodes first.</summary>
    public void AddEdge(EdgeKind kind, NodeRef from, NodeRef to, IEnumerable<KeyValuePair<string, string>>? properties = null)
    {
        ThrowIfBuilt();
        if (!TryGetId(from, out var fromId) || !TryGetId(to, out var toId))
        {
            throw new InvalidOperationException($"Edge {kind.ToWireName()} {from} -> {to} names a node that was not added.");
        }

        AddPendingEdge(kind, from, fromId, to, toId, properties);
    }

    /// <summary>
    /// The builder's number for a node added to it, for <see cref="AddEdge(EdgeKind, NodeRef, int, NodeRef, int, IEnumerable{KeyValuePair{string, string}}?)"/>;
    /// false when it was not added. Fast for a node just added.
    /// </summary>
    public bool TryGetNodeId(NodeRef node, out int id)
    {
        ThrowIfBuilt();
        return TryGetId(node, out id);
    }

    /// <summary>
    /// Adds an edge between nodes whose numbers <see cref="TryGetNodeId"/> gave, without finding the ends again: a
    /// mapper that keeps the numbers of the nodes its edges name (a BOM's components, named again by each dependency
    /// ref) saves hashing two keys per edge.
    /// </summary>
    public void AddEdge(EdgeKind kind, NodeRef from, int fromId, NodeRef to, int toId, IEnumerable<KeyValuePair<string, string>>? properties = null)
    {
        ThrowIfBuilt();
        if ((uint)fromId >= (uint)_nodes.Count || (uint)toId >= (uint)_nodes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(fromId), $"Edge {kind.ToWireName()} {from} -> {to} names a node number this builder did not give.");
        }

        AddPendingEdge(kind, from, fromId, to, toId, properties);
    }

    /// <summary>The edge between two known nodes, merged with a pending one (both public <c>AddEdge</c>s have checked the ends).</summary>
    private void AddPendingEdge(EdgeKind kind, NodeRef from, int fromId, NodeRef to, int toId, IEnumerable<KeyValuePair<string, string>>? properties)
    {
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_pendingEdges, new EdgeKey(fromId, toId, kind), out var pending);
        if (!pending)
        {
            index = _edgeOrder.Count;
            _edgeOrder.Add(new EdgeRecord(kind, from, to, Collect(null, properties) ?? NoProperties));
        }
        else if (properties is not null)
        {
            var existing = _edgeOrder[index];
            var bag = Collect(existing.Properties as PropertyBag, properties) ?? NoProperties;
            if (!ReferenceEquals(bag, existing.Properties))
            {
                _edgeOrder[index] = existing with { Properties = bag };
            }
        }

        SpillIfFull();
    }

    /// <summary>Adds an advisory or VEX claim; its subject must have been added as a node.</summary>
    public void AddClaim(ClaimRecord claim)
    {
        ThrowIfBuilt();
        if (!_nodes.ContainsKey(Identity(claim.Subject)))
        {
            throw new InvalidOperationException($"Claim on {claim.Subject} names a node that was not added.");
        }

        _claims.Add(claim);
    }

    public void Warn(string location, string message) => _warnings.Add(new IngestWarning(location, message));

    /// <summary>The batch of everything added; the builder is spent afterwards (its tables serve the next document).</summary>
    public IngestBatch Build(DocumentInfo document)
    {
        ThrowIfBuilt();
        var docNode = document.NodeRef;
        var documentProperties = new Dictionary<string, string>(document.Properties, StringComparer.Ordinal)
        {
            ["format"] = document.Format,
        };
        if (document.SpecVersion is not null)
        {
            documentProperties["specVersion"] = document.SpecVersion;
        }

        AddNode(docNode, document.Name, documentProperties);
        if (document.Subject is { } subject)
        {
            AddEdge(EdgeKind.Describes, docNode, subject);
        }

        var (nodes, edges) = TakePending();
        var totals = new IngestTotals(_nodes.Count, _countsByKind[(int)NodeKind.PackageVersion] + _countsByKind[(int)NodeKind.Image], _edgesWritten + edges.Count);
        Release(edges.Count);
        return new IngestBatch(document, nodes, edges, _warnings.ToList(), _spilled, totals) { Claims = _claims.ToList() };
    }

    private bool TryGetId(NodeRef node, out int id)
    {
        foreach (var recent in _recent)
        {
            if (recent.Key is not null && ReferenceEquals(recent.Key, node.Key) && recent.Kind == node.Kind)
            {
                id = recent.Id;
                return true;
            }
        }

        var found = _nodes.TryGetValue(Identity(node), out var slot);
        id = slot.Id;
        return found;
    }

    private static Dictionary<TKey, TValue> TakeSpare<TKey, TValue>(ref Dictionary<TKey, TValue>? spare)
        where TKey : notnull
    {
        var taken = spare ?? [];
        spare = null;
        return taken;
    }

    /// <summary>Marks the builder spent and hands its tables, emptied, to the next builder on this thread.</summary>
    private void Release(int lastChunkEdges)
    {
        _built = true;
        _builtNodeCount = _nodes.Count;
        if (_nodes.Count <= MaxSpare)
        {
            _nodes.Clear();
            t_spareNodes = _nodes;
        }

        if (lastChunkEdges <= MaxSpare && !_spilled)
        {
            t_spareEdges = _pendingEdges; // emptied by TakePending
        }
    }

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw Spent();
        }
    }

    private static InvalidOperationException Spent() => new("The batch was built: this builder is spent.");

    private static UInt128 Identity(NodeRef node) => NodeHash.Of(node);

    /// <summary>
    /// Properties that many records carry unchanged (a dependency's scope, a license's kind). Records added with them hold
    /// this one map instead of a copy each: ~28 million DEPENDS_ON edges of a tier M load each allocated a map of one
    /// pair, a fifteenth of everything the load allocated, and held it while the batch waited for its commit.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SharedProperties(params ReadOnlySpan<KeyValuePair<string, string>> pairs) =>
        PropertyBag.Share(pairs);

    /// <summary>Merges <paramref name="properties"/> into <paramref name="bag"/> (first value wins); null while there are none.</summary>
    private static PropertyBag? Collect(PropertyBag? bag, IEnumerable<KeyValuePair<string, string>>? properties)
    {
        if (properties is null)
        {
            return bag;
        }

        if (properties is PropertyBag { IsShared: true } shared)
        {
            if (bag is null || ReferenceEquals(bag, shared))
            {
                return shared;
            }

            for (var i = 0; i < shared.Count; i++)
            {
                bag = Add(bag, shared.PairAt(i), shared.Count);
            }

            return bag;
        }

        if (properties is IReadOnlyList<KeyValuePair<string, string>> list)
        {
            // Indexed: the mappers pass lists and arrays, and an enumerator per call was a measurable share of garbage.
            for (var i = 0; i < list.Count; i++)
            {
                bag = Add(bag, list[i], list.Count);
            }

            return bag;
        }

        var capacity = properties.TryGetNonEnumeratedCount(out var count) ? count : 4;
        foreach (var pair in properties)
        {
            bag = Add(bag, pair, capacity);
        }

        return bag;
    }

    /// <summary>Adds one pair (first value wins), making the bag when there is none and copying a shared one first when the pair is new to it.</summary>
    private static PropertyBag Add(PropertyBag? bag, KeyValuePair<string, string> pair, int capacity)
    {
        if (bag is null)
        {
            bag = new PropertyBag(capacity);
        }
        else if (bag.IsShared)
        {
            if (bag.ContainsKey(pair.Key))
            {
                return bag;
            }

            bag = bag.Copy(capacity);
        }

        bag.TryAdd(pair.Key, pair.Value);
        return bag;
    }

    private void SpillIfFull()
    {
        if (_spill is null || _nodeOrder.Count + _edgeOrder.Count < SpillThreshold)
        {
            return;
        }

        var (nodes, edges) = TakePending();
        _spill.Write(nodes, edges);
        _edgesWritten += edges.Count;
        _spilled = true;
    }

    private (List<NodeRecord> Nodes, List<EdgeRecord> Edges) TakePending()
    {
        var taken = (_nodeOrder, _edgeOrder);
        _chunkStart += _nodeOrder.Count;
        _nodeOrder = [];
        _edgeOrder = [];
        _pendingEdges.Clear();
        return taken;
    }

    /// <summary>A node's dense id and the position of its pending record over every chunk (-1: none yet).</summary>
    private record struct NodeSlot(int Id, int Position);

    private readonly record struct RecentNode(string? Key, NodeKind Kind, int Id);

    /// <summary>An edge by its ends' dense ids.</summary>
    private readonly record struct EdgeKey(int From, int To, EdgeKind Kind)
    {
        public bool Equals(EdgeKey other) => From == other.From && To == other.To && Kind == other.Kind;

        public override int GetHashCode() => HashCode.Combine(From, To, (int)Kind);
    }
}
