using System.Text.Json;
using ArtifactGraph.Core.Ingestion;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// Reads SPDX 2.2/2.3 YAML: YamlDotNet's representation model → JSON tree (<see cref="Spdx2YamlTree"/>) → the
/// shared JSON parser and <see cref="Spdx2Mapper"/>. Rejections name the YAML line and the JSON pointer.
/// </summary>
internal sealed class Spdx2YamlReader : IDocumentReader
{
    public string Format => "SPDX-2-YAML";

    public bool CanRead(DocumentInput input) => Spdx2TextSniffer.LooksLikeYaml(input.Content.Span);

    public IngestBatch Read(DocumentInput input) => Spdx2Guard.Run(Format, () =>
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(Spdx2TextSniffer.Decode(input.Content)));
        }
        catch (YamlException ex)
        {
            throw new DocumentRejectedException($"line {ex.Start.Line}, column {ex.Start.Column}", "malformed YAML: " + ex.Message, ex);
        }

        if (stream.Documents.Count == 0)
        {
            throw new DocumentRejectedException("line 1", "the YAML stream holds no document");
        }

        var (json, tree) = Spdx2YamlTree.Convert(stream.Documents[0].RootNode);
        using var document = JsonDocument.Parse(json?.ToJsonString() ?? "null");
        try
        {
            var builder = input.NewBuilder();
            var model = Spdx2JsonParser.Parse(document.RootElement, builder);
            return Spdx2Mapper.Map(model, input, Format, builder);
        }
        catch (DocumentRejectedException ex) when (ex.Location.StartsWith('/') || ex.Location.Length == 0)
        {
            throw new DocumentRejectedException(tree.Locate(ex.Location == "/" ? string.Empty : ex.Location), ex.Reason, ex);
        }
    });
}
