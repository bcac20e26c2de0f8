using System.Security.Cryptography;
using System.Text;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

/// <summary>Builds reader inputs from files and strings, and reads them.</summary>
internal static class CdxTestInput
{
    public static string FixturePath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", "CycloneDx", .. parts]);

    public static DocumentInput FromFile(string path) => FromBytes(Path.GetFileName(path), File.ReadAllBytes(path));

    public static DocumentInput FromJson(string json) => FromBytes("inline.json", Encoding.UTF8.GetBytes(json));

    public static DocumentInput FromBytes(string name, byte[] bytes) =>
        new(name, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    public static IngestBatch ReadFixture(string name) => new CycloneDxJsonReader().Read(FromFile(FixturePath("valid", name)));

    public static NodeRecord Node(this IngestBatch batch, NodeKind kind, string key) =>
        batch.Nodes.Single(n => n.Ref == new NodeRef(kind, key));

    public static IEnumerable<EdgeRecord> EdgesOf(this IngestBatch batch, EdgeKind kind) => batch.Edges.Where(e => e.Kind == kind);

    public static bool HasEdge(this IngestBatch batch, EdgeKind kind, NodeRef from, NodeRef to) =>
        batch.Edges.Any(e => e.Kind == kind && e.From == from && e.To == to);
}
