using System.Text;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.Advisories;

/// <summary>Fixture paths, sniffed reads and claim accessors for the advisory and VEX reader tests.</summary>
internal static class AdvisoryTestInput
{
    public static string FixturePath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    /// <summary>The reader the registry picks for the content (first whose sniffer says yes).</summary>
    public static IDocumentReader? Sniff(DocumentInput input) => Readers.All.FirstOrDefault(r => r.CanRead(input));

    public static IngestBatch Read(DocumentInput input) =>
        (Sniff(input) ?? throw new InvalidOperationException($"no reader claims {input.Name}")).Read(input);

    public static IngestBatch ReadFixture(string format, string name) => Read(CdxTestInput.FromFile(FixturePath(format, "valid", name)));

    public static IngestBatch ReadJson(string json) => Read(CdxTestInput.FromBytes("inline.json", Encoding.UTF8.GetBytes(json)));

    public static List<(string Vulnerability, NodeRef Package, AffectedClaim Claim)> Affected(this IngestBatch batch) =>
        batch.Claims.Where(c => c.Kind == ClaimKind.Affected).Select(c => (c.Vulnerability, c.Subject, ClaimJson.ReadAffected(c.Payload))).ToList();

    public static List<(string Vulnerability, NodeRef Product, VexClaim Claim)> Vex(this IngestBatch batch) =>
        batch.Claims.Where(c => c.Kind == ClaimKind.Vex).Select(c => (c.Vulnerability, c.Subject, ClaimJson.ReadVex(c.Payload))).ToList();

    public static bool HasAlias(this IngestBatch batch, string from, string to) =>
        batch.HasEdge(EdgeKind.AliasOf, new NodeRef(NodeKind.Vulnerability, from), new NodeRef(NodeKind.Vulnerability, to));

    public static NodeRecord Vulnerability(this IngestBatch batch, string key) => batch.Node(NodeKind.Vulnerability, key);
}
