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
    // 128-bit hashes of node identities, not the NodeRefs: a 250 MB SBOM's keys would otherwise stay alive
    // here for the whole read (~185 MB measured). XxHash128 over (kind, key): a collision is ~2^-64 at 10^9 nodes.
    private readonly HashSet<UInt128> _known = [];
    private readonly int[] _countsByKind = new int[Enum.GetValues<NodeKind>().Length];

    // Pending (not yet spilled) records, in the order added, as the records the batch hands out (a record is
    // replaced when a later mention names it or brings its first properties), found by the same identity
    // hashes: an edge is looked up by (kind, from hash, to hash), which AddEdge computes anyway to check its
    // ends, instead of hashing both key strings again for a tuple of NodeRefs.
    private readonly Dictionary<UInt128, int> _pendingNodes = [];
    private readonly Dictionary<EdgeIdentity, int> _pendingEdges = [];
    private List<NodeRecord> _nodeOrder = [];
    private List<EdgeRecord> _edgeOrder = [];
    private readonly List<IngestWarning> _warnings = [];
    private readonly List<ClaimRecord> _claims = [];
    private bool _spilled;
    private long _edgesWritten;

    public IngestBatchBuilder(IBatchSink? spill = null, int spillThreshold = DefaultSpillThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(spillThreshold, 1);
        _spill = spill;
        SpillThreshold = spillThreshold;
    }

    public int SpillThreshold { get; }

    /// <summary>Distinct nodes added so far, spilled or not.</summary>
    public int NodeCount => _known.Count;

    /// <summary>Edges added so far (an edge repeated after a spill may be counted twice).</summary>
    public long EdgeCount => _edgesWritten + _edgeOrder.Count;

    public bool HasNode(NodeRef node) => _known.Contains(Identity(node));

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
        _known.EnsureCapacity(nodes);
        _pendingNodes.EnsureCapacity(nodes);
        _nodeOrder.EnsureCapacity(nodes);
        _pendingEdges.EnsureCapacity(edges);
        _edgeOrder.EnsureCapacity(edges);
    }

    public NodeRef AddNode(NodeRef node, string? name = null, IEnumerable<KeyValuePair<string, string>>? properties = null)
    {
        var identity = Identity(node);
        if (_known.Add(identity))
        {
            _countsByKind[(int)node.Kind]++;
        }

        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_pendingNodes, identity, out var pending);
        if (!pending)
        {
            index = _nodeOrder.Count;
            _nodeOrder.Add(new NodeRecord(node, name, Collect(null, properties) ?? NoProperties));
        }
        else
        {
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
        var fromIdentity = Identity(from);
        var toIdentity = Identity(to);
        if (!_known.Contains(fromIdentity) || !_known.Contains(toIdentity))
        {
            throw new InvalidOperationException($"Edge {kind.ToWireName()} {from} -> {to} names a node that was not added.");
        }

        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_pendingEdges, new EdgeIdentity(fromIdentity, toIdentity, kind), out var pending);
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
        if (!_known.Contains(Identity(claim.Subject)))
        {
            throw new InvalidOperationException($"Claim on {claim.Subject} names a node that was not added.");
        }

        _claims.Add(claim);
    }

    public void Warn(string location, string message) => _warnings.Add(new IngestWarning(location, message));

    public IngestBatch Build(DocumentInfo document)
    {
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
        var totals = new IngestTotals(_known.Count, _countsByKind[(int)NodeKind.PackageVersion] + _countsByKind[(int)NodeKind.Image], _edgesWritten + edges.Count);
        return new IngestBatch(document, nodes, edges, _warnings.ToList(), _spilled, totals) { Claims = _claims.ToList() };
    }

    private static UInt128 Identity(NodeRef node) =>
        XxHash128.HashToUInt128(MemoryMarshal.AsBytes(node.Key.AsSpan()), (long)node.Kind);

    /// <summary>Merges <paramref name="properties"/> into <paramref name="bag"/> (first value wins); null while there are none.</summary>
    private static PropertyBag? Collect(PropertyBag? bag, IEnumerable<KeyValuePair<string, string>>? properties)
    {
        if (properties is null)
        {
            return bag;
        }

        if (properties is IReadOnlyList<KeyValuePair<string, string>> list)
        {
            // Indexed: the mappers pass lists and arrays, and an enumerator per call was a measurable share of garbage.
            for (var i = 0; i < list.Count; i++)
            {
                bag ??= new PropertyBag(list.Count);
                bag.TryAdd(list[i].Key, list[i].Value);
            }

            return bag;
        }

        foreach (var (key, value) in properties)
        {
            bag ??= new PropertyBag(properties.TryGetNonEnumeratedCount(out var count) ? count : 4);
            bag.TryAdd(key, value);
        }

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
        _nodeOrder = [];
        _edgeOrder = [];
        _pendingNodes.Clear();
        _pendingEdges.Clear();
        return taken;
    }

    /// <summary>An edge by its ends' identity hashes; the hash code mixes the low halves, already uniform.</summary>
    private readonly record struct EdgeIdentity(UInt128 From, UInt128 To, EdgeKind Kind)
    {
        public bool Equals(EdgeIdentity other) => From == other.From && To == other.To && Kind == other.Kind;

        public override int GetHashCode() => HashCode.Combine((ulong)From, (ulong)To, Kind);
    }
}
