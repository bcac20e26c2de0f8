using System.Text.Json;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.InToto;

namespace ArtifactGraph.Ingest.Formats.Sigstore;

/// <summary>
/// Reads the npm registry's attestations bundle (<c>{"attestations":[{"predicateType","bundle"}]}</c>):
/// each entry's Sigstore bundle is mapped as one statement of a single document.
/// </summary>
internal sealed class NpmAttestationsReader : IDocumentReader
{
    public string Format => "npm-attestations";

    public bool CanRead(DocumentInput input) => JsonTopLevel.Sniff(input.Content.Span, members =>
        members.ContainsKey("attestations") && !members.ContainsKey("bomFormat") && !members.ContainsKey("spdxVersion"));

    public IngestBatch Read(DocumentInput input) => ReaderGuard.Run("npm attestations bundle", () =>
    {
        var document = new AttestationDocument(input);
        using var json = JsonDocument.Parse(input.Content, new JsonDocumentOptions { MaxDepth = 256 });
        var root = json.RootElement;
        var list = root.ValueKind == JsonValueKind.Object ? JsonValues.OptionalArray(root, "attestations", string.Empty) : null;
        if (list is not { } attestations || attestations.GetArrayLength() == 0)
        {
            throw new DocumentRejectedException("/attestations", "an npm attestations bundle needs a non-empty attestations array");
        }

        var i = 0;
        foreach (var attestation in attestations.EnumerateArray())
        {
            var pointer = $"/attestations/{i++}";
            var predicateType = JsonValues.OptionalString(attestation, "predicateType", pointer);
            var bundle = JsonValues.OptionalObject(attestation, "bundle", pointer)
                ?? throw new DocumentRejectedException(pointer + "/bundle", "each attestation needs a Sigstore bundle");
            SigstoreBundles.Map(bundle, pointer + "/bundle", $"attestation {i - 1} ({predicateType})", document);
        }

        return document.Build(Format, null);
    });
}
