using ArtifactGraph.Ingest.Formats.CycloneDx;
using ArtifactGraph.Ingest.Formats.Dsse;
using ArtifactGraph.Ingest.Formats.InToto;
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
    ];
}
