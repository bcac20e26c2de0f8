using System.Text.Json;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.InToto;

namespace ArtifactGraph.Ingest.Formats.Dsse;

/// <summary>
/// Reads a DSSE envelope, or JSON lines of envelopes (one document, each line one envelope), whose
/// payloads are in-toto Statements. Signature outcomes go on the Document as <c>trust:*</c> properties.
/// </summary>
internal sealed class DsseReader : IDocumentReader
{
    public string Format => "DSSE";

    public bool CanRead(DocumentInput input) => JsonTopLevel.Sniff(input.Content.Span, members =>
        members.ContainsKey("payloadType") && members.ContainsKey("payload"));

    public IngestBatch Read(DocumentInput input) => ReaderGuard.Run("DSSE envelope", () =>
    {
        var document = new AttestationDocument(input);
        var values = JsonLines.Parse(input.Content);
        try
        {
            foreach (var (json, pointer) in values)
            {
                var root = json.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("mediaType", out _))
                {
                    throw new DocumentRejectedException(pointer.Length == 0 ? "/" : pointer, "a Sigstore bundle among DSSE envelopes: JSON lines must hold one kind of value");
                }

                var envelope = DsseEnvelopes.Parse(root, pointer);
                DsseEnvelopes.Map(envelope, pointer.Length == 0 ? "envelope" : pointer.TrimEnd(':'), document);
            }
        }
        finally
        {
            values.ForEach(v => v.Document.Dispose());
        }

        return document.Build(Format, null);
    });
}
