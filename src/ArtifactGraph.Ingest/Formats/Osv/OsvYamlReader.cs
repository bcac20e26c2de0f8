using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Advisories;

namespace ArtifactGraph.Ingest.Formats.Osv;

/// <summary>
/// Reads one OSV record written as YAML (PyPA's advisory-db style): converted to the JSON tree the JSON
/// reader maps, so both serializations map identically; rejections name the YAML line and the pointer.
/// </summary>
internal sealed class OsvYamlReader : IDocumentReader
{
    public string Format => "OSV-YAML";

    public bool CanRead(DocumentInput input) => OsvSniffer.LooksLikeYaml(input.Content.Span);

    public IngestBatch Read(DocumentInput input) => AdvisoryYaml.Run("OSV", input, root => OsvMapper.Map(root, input, Format));
}
