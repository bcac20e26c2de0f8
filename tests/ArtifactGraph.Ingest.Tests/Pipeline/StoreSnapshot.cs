using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Ingest.Tests.Pipeline;

/// <summary>
/// Everything a store and an index say about the graph, as sorted lines, so two ingest runs can be compared
/// whole: documents (ids, sequences, supersession, properties), nodes with names and properties, edges with the
/// documents asserting them, claims, and the index's nodes and edges.
/// </summary>
internal static class StoreSnapshot
{
    public static List<string> Of(IGraphStore store, GraphIndex index)
    {
        var lines = new List<string> { $"sequence {store.ChangeSequence} index {index.Sequence}" };
        foreach (var d in store.ListDocuments())
        {
            lines.Add($"document {d.Id} {d.Sha256} {d.Format} {d.Name} {d.IngestedAt:O} {d.Sequence} {d.Subject} {d.EffectiveAt:O} {d.SupersededBy} {Join(d.Properties)} raw {RawHash(store, d.Sha256)}");
        }

        var sink = new Sink();
        store.Load(sink);
        var properties = store.GetNodeProperties(sink.Nodes.Values.Select(n => n.Node).ToList());
        foreach (var (node, name) in sink.Nodes.Values)
        {
            lines.Add($"node {node} {name} {Join(properties.GetValueOrDefault(node))}");
        }

        foreach (var (from, to, kind) in sink.Edges)
        {
            var documents = store.GetEdgeDocuments(kind, sink.Nodes[from].Node, sink.Nodes[to].Node).Select(d => d.Id);
            lines.Add($"edge {sink.Nodes[from].Node} -{kind}-> {sink.Nodes[to].Node} by {string.Join(',', documents)}");
        }

        lines.AddRange(store.LoadClaims().Select(c => $"claim {c}"));
        for (var n = 0; n < index.NodeCount; n++)
        {
            lines.Add($"index node {index.RefOf(n)} {index.NameOf(n)}");
            var outgoing = index.Outgoing(n);
            for (var i = 0; i < outgoing.Count; i++)
            {
                lines.Add($"index edge {index.RefOf(n)} -{outgoing.Kind(i)}-> {index.RefOf(outgoing.Target(i))}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>The stored raw bytes' own SHA-256: they must be the document's bytes, whatever buffer they were read into.</summary>
    private static string RawHash(IGraphStore store, string sha256) =>
        store.GetRawDocument(sha256) is { } raw ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(raw)) : "none";

    private static string Join(IReadOnlyDictionary<string, string>? map) =>
        map is null ? "-" : string.Join(';', map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private sealed class Sink : IGraphLoadSink
    {
        public Dictionary<long, (NodeRef Node, string? Name)> Nodes { get; } = [];

        public List<(long From, long To, EdgeKind Kind)> Edges { get; } = [];

        public void OnNode(long id, NodeKind kind, string key, string? name) => Nodes[id] = (new NodeRef(kind, key), name);

        public void OnEdge(long fromId, long toId, EdgeKind kind) => Edges.Add((fromId, toId, kind));
    }
}
