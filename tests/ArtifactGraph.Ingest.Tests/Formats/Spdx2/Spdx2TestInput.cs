using System.Security.Cryptography;
using System.Text;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Spdx2;

namespace ArtifactGraph.Ingest.Tests.Formats.Spdx2;

/// <summary>Builds reader inputs from files and strings and reads them with the SPDX 2 reader that claims them.</summary>
internal static class Spdx2TestInput
{
    public static IReadOnlyList<IDocumentReader> Readers { get; } = [new Spdx2JsonReader(), new Spdx2TagValueReader(), new Spdx2YamlReader()];

    public static string FixturePath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", "Spdx2", .. parts]);

    public static DocumentInput FromFile(string path) => FromBytes(Path.GetFileName(path), File.ReadAllBytes(path));

    public static DocumentInput FromText(string text) => FromBytes("inline", Encoding.UTF8.GetBytes(text));

    public static DocumentInput FromBytes(string name, byte[] bytes) =>
        new(name, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    /// <summary>The one SPDX 2 reader that claims the input (fails when none or several do).</summary>
    public static IDocumentReader ReaderFor(DocumentInput input) => Readers.Single(r => r.CanRead(input));

    public static IngestBatch Read(string text) => Read(FromText(text));

    public static IngestBatch Read(DocumentInput input) => ReaderFor(input).Read(input);

    public static NodeRecord Node(this IngestBatch batch, NodeKind kind, string key) =>
        batch.Nodes.Single(n => n.Ref == new NodeRef(kind, key));

    public static IEnumerable<EdgeRecord> EdgesOf(this IngestBatch batch, EdgeKind kind) => batch.Edges.Where(e => e.Kind == kind);

    public static EdgeRecord Edge(this IngestBatch batch, EdgeKind kind, NodeRef from, NodeRef to) =>
        batch.Edges.Single(e => e.Kind == kind && e.From == from && e.To == to);

    public static bool HasEdge(this IngestBatch batch, EdgeKind kind, NodeRef from, NodeRef to) =>
        batch.Edges.Any(e => e.Kind == kind && e.From == from && e.To == to);

    /// <summary>Nodes reachable from the Document node along edges.</summary>
    public static HashSet<NodeRef> ReachableFromDocument(this IngestBatch batch)
    {
        var forward = batch.Edges.ToLookup(e => e.From, e => e.To);
        var seen = new HashSet<NodeRef> { batch.Document.NodeRef };
        var pending = new Stack<NodeRef>(seen);
        while (pending.TryPop(out var node))
        {
            foreach (var next in forward[node].Where(seen.Add))
            {
                pending.Push(next);
            }
        }

        return seen;
    }
}
