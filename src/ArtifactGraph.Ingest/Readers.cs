using ArtifactGraph.Ingest.Formats.Csaf;
using ArtifactGraph.Ingest.Formats.CycloneDx;
using ArtifactGraph.Ingest.Formats.Dsse;
using ArtifactGraph.Ingest.Formats.InToto;
using ArtifactGraph.Ingest.Formats.Inventory;
using ArtifactGraph.Ingest.Formats.Kubernetes;
using ArtifactGraph.Ingest.Formats.OpenVex;
using ArtifactGraph.Ingest.Formats.Osv;
using ArtifactGraph.Ingest.Formats.Scorecard;
using ArtifactGraph.Ingest.Formats.Sigstore;
using ArtifactGraph.Ingest.Formats.Spdx2;
using ArtifactGraph.Ingest.Formats.Spdx3;

namespace ArtifactGraph.Ingest;

/// <summary>Every document reader, in sniffing order (more specific formats first).</summary>
public static class Readers
{
    public static IReadOnlyList<IDocumentReader> All { get; } =
    [
        new CycloneDxJsonReader(),
        new CycloneDxXmlReader(),
        new Spdx3JsonLdReader(),
        new Spdx2JsonReader(),
        new Spdx2TagValueReader(),
        new Spdx2YamlReader(),
        new InTotoStatementReader(),
        new DsseReader(),
        new SigstoreBundleReader(),
        new NpmAttestationsReader(),
        new ScorecardReader(),

        // Advisory and VEX formats after the SBOM formats: their sniffers decide on key combinations and may
        // scan a whole document, which the SBOM sniffers (one decisive key) have already claimed when it is an SBOM.
        new CsafJsonReader(),
        new OpenVexJsonReader(),
        new OsvJsonReader(),
        new OsvYamlReader(),
        new InventoryJsonReader(),
        new InventoryYamlReader(),
        new KubernetesJsonReader(),
        new KubernetesYamlReader(),
    ];
}
