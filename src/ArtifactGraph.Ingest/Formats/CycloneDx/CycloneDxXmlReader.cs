using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Reads CycloneDX XML (spec 1.0 to 1.7) into an <see cref="IngestBatch"/> through the same model and
/// mapper as <see cref="CycloneDxJsonReader"/>, so a BOM yields the same identities in either format.
/// Every failure leaves as <see cref="DocumentRejectedException"/> with a line, position and element path.
/// </summary>
internal sealed class CycloneDxXmlReader : IDocumentReader
{
    public string Format => "CycloneDX-XML";

    public bool CanRead(DocumentInput input) => CdxXmlSniffer.LooksLikeCycloneDxXml(input.Content.Span);

    public IngestBatch Read(DocumentInput input)
    {
        try
        {
            var document = CdxXmlLoader.Load(input.Content);
            return CdxDocumentMapper.Map(CdxXmlParser.Parse(document), input, Format);
        }
        catch (DocumentRejectedException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A reader bug must still reject one document, not take down a batch.
            throw new DocumentRejectedException("/", $"could not read the CycloneDX XML document ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }
}
