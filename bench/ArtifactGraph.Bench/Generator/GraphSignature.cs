using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Bench.Generator;

/// <summary>
/// A graph's node and edge sets as comparable strings. Document nodes are named by their serial number
/// rather than keyed by the SHA-256 of their bytes, which only the JSON path knows.
/// </summary>
internal sealed class GraphSignature
{
    private GraphSignature(HashSet<string> nodes, HashSet<string> edges, SortedDictionary<string, int> counts)
    {
        Nodes = nodes;
        Edges = edges;
        Counts = counts;
    }

    public HashSet<string> Nodes { get; }

    public HashSet<string> Edges { get; }

    public SortedDictionary<string, int> Counts { get; }

    public static GraphSignature Of(GraphIndex index)
    {
        var nodes = new HashSet<string>(StringComparer.Ordinal);
        var edges = new HashSet<string>(StringComparer.Ordinal);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < index.NodeCount; n++)
        {
            nodes.Add(Id(index, n));
            Count(counts, "node " + index.KindOf(n));
            var outgoing = index.Outgoing(n);
            for (var i = 0; i < outgoing.Count; i++)
            {
                edges.Add($"{Id(index, n)} -{outgoing.Kind(i).ToWireName()}-> {Id(index, outgoing.Target(i))}");
                Count(counts, "edge " + outgoing.Kind(i).ToWireName());
            }
        }

        return new GraphSignature(nodes, edges, counts);
    }

    /// <summary>Differences, at most <paramref name="max"/> lines; empty when the graphs are the same.</summary>
    public List<string> Compare(GraphSignature other, int max = 10)
    {
        var lines = new List<string>();
        foreach (var key in Counts.Keys.Union(other.Counts.Keys).Order(StringComparer.Ordinal))
        {
            var a = Counts.GetValueOrDefault(key);
            var b = other.Counts.GetValueOrDefault(key);
            if (a != b)
            {
                lines.Add($"{key}: {a} vs {b}");
            }
        }

        lines.AddRange(Nodes.Except(other.Nodes).Take(max).Select(n => "only in first: " + n));
        lines.AddRange(other.Nodes.Except(Nodes).Take(max).Select(n => "only in second: " + n));
        lines.AddRange(Edges.Except(other.Edges).Take(max).Select(e => "only in first: " + e));
        lines.AddRange(other.Edges.Except(Edges).Take(max).Select(e => "only in second: " + e));
        return lines;
    }

    private static string Id(GraphIndex index, int node) => index.KindOf(node) == NodeKind.Document
        ? "Document:" + index.NameOf(node)
        : index.KindOf(node) + ":" + index.KeyOf(node);

    private static void Count(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
