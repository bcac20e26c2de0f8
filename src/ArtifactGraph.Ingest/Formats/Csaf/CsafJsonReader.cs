using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Advisories;

namespace ArtifactGraph.Ingest.Formats.Csaf;

/// <summary>Reads CSAF 2.0 (and compatible 2.1) advisories and VEX documents (graph-schema/ontology.md, "CSAF").</summary>
internal sealed class CsafJsonReader : IDocumentReader
{
    public string Format => "CSAF-JSON";

    public bool CanRead(DocumentInput input) => CsafSniffer.LooksLikeCsaf(input.Content.Span);

    public IngestBatch Read(DocumentInput input) => AdvisoryJson.Run("CSAF", input, root => CsafMapper.Map(root, input, Format));
}
