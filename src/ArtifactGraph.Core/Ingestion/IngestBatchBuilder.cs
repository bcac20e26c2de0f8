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
    private readonly Dictionary<NodeRef, (string? Name, Dictionary<string, string>? Properties)> _nodes = [];
    private readonly List<NodeRef> _nodeOrder = [];
    private readonly Dictionary<(EdgeKind, NodeRef, NodeRef), Dictionary<string, string>?> _edges = [];
    private readonly List<(EdgeKind Kind, NodeRef From, NodeRef To)> _edgeOrder = [];
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
    public long EdgeCount => _edgesWritten + _edges.Count;

    public bool HasNode(NodeRef node) => _known.Contains(Identity(node));

    /// <summary>
    /// Edges not yet handed to the spill sink, in the order added: every edge when the builder has no sink.
    /// For mappers that must see the graph they built (e.g. to attach what nothing reaches).
    /// </summary>
    public IReadOnlyList<(EdgeKind Kind, NodeRef From, NodeRef To)> PendingEdges => _edgeOrder;

    public NodeRef AddNode(NodeRef node, string? name = null, IEnumerable<KeyValuePair<string, string>>? properties = null)
    {
        if (_known.Add(Identity(node)))
        {
            _countsByKind[(int)node.Kind]++;
        }

        if (!_nodes.TryGetValue(node, out var existing))
        {
            existing = (name, null);
            _nodeOrder.Add(node);
        }
        else if (existing.Name is null && name is not null)
        {
            existing.Name = name;
        }

        if (properties is not null)
        {
            foreach (var (key, value) in properties)
            {
                existing.Properties ??= new Dictionary<string, string>(StringComparer.Ordinal);
                existing.Properties.TryAdd(key, value);
            }
        }

        _nodes[node] = existing;
        SpillIfFull();
        return node;
    }

    /// <summary>Adds an edge; both ends must have been added as nodes first.</summary>
    public void AddEdge(EdgeKind kind, NodeRef from, NodeRef to, IEnumerable<KeyValuePair<string, string>>? properties = null)
    {
        if (!_known.Contains(Identity(from)) || !_known.Contains(Identity(to)))
        {
            throw new InvalidOperationException($"Edge {kind.ToWireName()} {from} -> {to} names a node that was not added.");
        }

        var key = (kind, from, to);
        if (!_edges.TryGetValue(key, out var props))
        {
            _edgeOrder.Add(key);
        }

        if (properties is not null)
        {
            foreach (var (name, value) in properties)
            {
                props ??= new Dictionary<string, string>(StringComparer.Ordinal);
                props.TryAdd(name, value);
            }
        }

        _edges[key] = props;
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

    private void SpillIfFull()
    {
        if (_spill is null || _nodes.Count + _edges.Count < SpillThreshold)
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
        var nodes = _nodeOrder.Select(r =>
        {
            var (name, props) = _nodes[r];
            return new NodeRecord(r, name, props ?? NoProperties);
        }).ToList();
        var edges = _edgeOrder.Select(e => new EdgeRecord(e.Kind, e.From, e.To, _edges[e] ?? NoProperties)).ToList();
        _nodes.Clear();
        _nodeOrder.Clear();
        _edges.Clear();
        _edgeOrder.Clear();
        return (nodes, edges);
    }
}
