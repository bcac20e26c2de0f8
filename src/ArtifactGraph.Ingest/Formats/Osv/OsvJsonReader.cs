using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Advisories;

namespace ArtifactGraph.Ingest.Formats.Osv;

/// <summary>Reads one OSV 1.x record (JSON) into an <see cref="IngestBatch"/> (graph-schema/ontology.md, "OSV").</summary>
internal sealed class OsvJsonReader : IDocumentReader
{
    public string Format => "OSV-JSON";

    public bool CanRead(DocumentInput input) => OsvSniffer.LooksLikeJson(input.Content.Span);

    public IngestBatch Read(DocumentInput input) => AdvisoryJson.Run("OSV", input, root => OsvMapper.Map(root, input, Format));
}
