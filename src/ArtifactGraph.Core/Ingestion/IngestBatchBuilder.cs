using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Ingestion;

/// <summary>
/// Collects a document's nodes and edges, merging duplicates: a node seen twice keeps the first name
/// and the union of properties (first value wins); an edge seen twice is one edge. The Document node
/// and its DESCRIBES edge to the subject are added by <see cref="Build"/>.
/// </summary>
public sealed class IngestBatchBuilder
{
    private static readonly IReadOnlyDictionary<string, string> NoProperties = new Dictionary<string, string>();

    private readonly Dictionary<NodeRef, (string? Name, Dictionary<string, string>? Properties)> _nodes = [];
    private readonly List<NodeRef> _nodeOrder = [];
    private readonly Dictionary<(EdgeKind, NodeRef, NodeRef), Dictionary<string, string>?> _edges = [];
    private readonly List<(EdgeKind Kind, NodeRef From, NodeRef To)> _edgeOrder = [];
    private readonly List<IngestWarning> _warnings = [];

    public int NodeCount => _nodes.Count;

    public int EdgeCount => _edges.Count;

    public bool HasNode(NodeRef node) => _nodes.ContainsKey(node);

    public NodeRef AddNode(NodeRef node, string? name = null, IEnumerable<KeyValuePair<string, string>>? properties = null)
    {
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
        return node;
    }

    /// <summary>Adds an edge; both ends must have been added as nodes first.</summary>
    public void AddEdge(EdgeKind kind, NodeRef from, NodeRef to, IEnumerable<KeyValuePair<string, string>>? properties = null)
    {
        if (!_nodes.ContainsKey(from) || !_nodes.ContainsKey(to))
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

        var nodes = _nodeOrder.Select(r =>
        {
            var (name, props) = _nodes[r];
            return new NodeRecord(r, name, props ?? NoProperties);
        }).ToList();
        var edges = _edgeOrder.Select(e => new EdgeRecord(e.Kind, e.From, e.To, _edges[e] ?? NoProperties)).ToList();
        return new IngestBatch(document, nodes, edges, _warnings.ToList());
    }
}
