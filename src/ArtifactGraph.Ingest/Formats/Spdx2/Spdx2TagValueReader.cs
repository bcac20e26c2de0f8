using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>Reads SPDX 2.2/2.3 tag-value: parse → wire model (<c>line N</c>) → <see cref="Spdx2Mapper"/>.</summary>
internal sealed class Spdx2TagValueReader : IDocumentReader
{
    public string Format => "SPDX-2-TagValue";

    public bool CanRead(DocumentInput input) => Spdx2TextSniffer.LooksLikeTagValue(input.Content.Span);

    public IngestBatch Read(DocumentInput input) => Spdx2Guard.Run(Format, () =>
    {
        var builder = input.NewBuilder();
        var document = Spdx2TagValueParser.Parse(Spdx2TextSniffer.Decode(input.Content), builder);
        return Spdx2Mapper.Map(document, input, Format, builder);
    });
}
