using System.Text.Json;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.InToto;

namespace ArtifactGraph.Ingest.Formats.Sigstore;

/// <summary>Reads a Sigstore bundle, or JSON lines of bundles (one document).</summary>
internal sealed class SigstoreBundleReader : IDocumentReader
{
    public string Format => "Sigstore-bundle";

    public bool CanRead(DocumentInput input) => JsonTopLevel.Sniff(input.Content.Span, members =>
        members.TryGetValue("mediaType", out var type) && type is not null && type.StartsWith(SigstoreBundles.MediaTypePrefix, StringComparison.Ordinal));

    public IngestBatch Read(DocumentInput input) => ReaderGuard.Run("Sigstore bundle", () =>
    {
        var document = new AttestationDocument(input);
        var values = JsonLines.Parse(input.Content);
        try
        {
            foreach (var (json, pointer) in values)
            {
                SigstoreBundles.Map(json.RootElement, pointer, pointer.Length == 0 ? "bundle" : pointer.TrimEnd(':'), document);
            }
        }
        finally
        {
            values.ForEach(v => v.Document.Dispose());
        }

        return document.Build(Format, document.Properties.GetValueOrDefault("sigstore:version"));
    });
}
