using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Advisories;

namespace ArtifactGraph.Ingest.Formats.OpenVex;

/// <summary>Reads OpenVEX 0.0.1 and 0.2.0 documents into VEX claims (graph-schema/ontology.md, "OpenVEX").</summary>
internal sealed class OpenVexJsonReader : IDocumentReader
{
    public string Format => "OpenVEX-JSON";

    public bool CanRead(DocumentInput input) => OpenVexSniffer.LooksLikeOpenVex(input.Content.Span);

    public IngestBatch Read(DocumentInput input) => AdvisoryJson.Run("OpenVEX", input, root => OpenVexMapper.Map(root, input, Format));
}
