using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// State shared by the mapping steps of one document: which SPDXIDs exist, which node each maps to, and
/// multi-valued properties collected along the way (written once at the end, because the batch builder keeps
/// the first value of a property).
/// </summary>
internal sealed class Spdx2Context
{
    private readonly Dictionary<NodeRef, Dictionary<string, List<string>>> _multiValued = [];

    public Spdx2Context(Spdx2Document document, IngestBatchBuilder builder)
    {
        Document = document;
        Builder = builder;
    }

    public Spdx2Document Document { get; }

    public IngestBatchBuilder Builder { get; }

    /// <summary>Every SPDXID declared in the document (document, packages, files, snippets).</summary>
    public HashSet<string> KnownIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The node an element mapped to; files without a checksum and snippets have none.</summary>
    public Dictionary<string, NodeRef> Nodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Nodes made from SPDX packages (PackageVersion or Image), in document order.</summary>
    public List<NodeRef> PackageNodes { get; } = [];

    public HashSet<NodeRef> FileNodes { get; } = [];

    /// <summary>Properties of the Document node gathered while mapping (relationships from SPDXRef-DOCUMENT ...).</summary>
    public Dictionary<string, List<string>> DocumentProperties { get; } = new(StringComparer.Ordinal);

    public int ExternalRelationships { get; set; }

    public int SkippedRelationships { get; set; }

    /// <summary>CONTAINS / DEPENDS_ON / BUILT_FROM edges drawn so far (self-loops are dropped).</summary>
    public List<(EdgeKind Kind, NodeRef From, NodeRef To)> GraphEdges { get; } = [];

    public void AddEdge(EdgeKind kind, NodeRef from, NodeRef to, IEnumerable<KeyValuePair<string, string>>? properties = null)
    {
        if (from == to)
        {
            return; // two elements with one identity (a package listed twice) do not contain themselves
        }

        Builder.AddEdge(kind, from, to, properties);
        GraphEdges.Add((kind, from, to));
    }

    public void AddProperty(NodeRef node, string key, string value)
    {
        if (!_multiValued.TryGetValue(node, out var properties))
        {
            properties = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            _multiValued[node] = properties;
        }

        Append(properties, key, value);
    }

    public static void Append(Dictionary<string, List<string>> properties, string key, string value)
    {
        if (!properties.TryGetValue(key, out var values))
        {
            values = [];
            properties[key] = values;
        }

        if (!values.Contains(value))
        {
            values.Add(value);
        }
    }

    /// <summary>Writes the collected multi-valued properties, space-separated, onto their nodes.</summary>
    public void FlushProperties()
    {
        foreach (var (node, properties) in _multiValued)
        {
            Builder.AddNode(node, properties: properties.Select(p => new KeyValuePair<string, string>(p.Key, string.Join(' ', p.Value))));
        }
    }
}
