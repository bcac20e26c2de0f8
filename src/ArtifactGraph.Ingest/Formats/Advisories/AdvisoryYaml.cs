using System.Text.Json;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Spdx2;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArtifactGraph.Ingest.Formats.Advisories;

/// <summary>
/// YAML → the JSON tree the JSON mappers read, through the SPDX 2 YAML converter (alias-bomb and depth
/// limits included); a rejection's pointer is reported with the YAML line it points at.
/// </summary>
internal static class AdvisoryYaml
{
    public static IngestBatch Run(string what, DocumentInput input, Func<JsonElement, IngestBatch> map)
    {
        try
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
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DocumentRejectedException("line 1", $"an {what} document is a mapping");
            }

            try
            {
                return map(document.RootElement);
            }
            catch (DocumentRejectedException ex) when (ex.Location.StartsWith('/'))
            {
                throw new DocumentRejectedException(tree.Locate(ex.Location == "/" ? string.Empty : ex.Location), ex.Reason, ex);
            }
        }
        catch (DocumentRejectedException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new DocumentRejectedException("/", $"could not read the {what} YAML document ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }
}
