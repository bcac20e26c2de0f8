namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>Picks the reader for a document from its content; says plainly when nothing fits.</summary>
public sealed class FormatSniffer
{
    private readonly IReadOnlyList<IDocumentReader> _readers;

    public FormatSniffer(IReadOnlyList<IDocumentReader> readers) => _readers = readers;

    public IDocumentReader Detect(DocumentInput input)
    {
        foreach (var reader in _readers)
        {
            if (reader.CanRead(input))
            {
                return reader;
            }
        }

        var what = Describe(input.Content.Span);
        throw new DocumentRejectedException("byte 0", $"unrecognised document format ({what}); supported: {string.Join(", ", _readers.Select(r => r.Format))}");
    }

    private static bool Mentions(ReadOnlySpan<byte> content, ReadOnlySpan<byte> marker) =>
        content[..Math.Min(content.Length, 8192)].IndexOf(marker) >= 0;

    private static string Describe(ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> skip = [(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF];
        var trimmed = content.TrimStart(skip);
        return trimmed switch
        {
            [] => "empty",
            [(byte)'{', ..] => "a JSON object that is none of the supported formats",
            [(byte)'[', ..] => "a JSON array",
            [(byte)'<', ..] when Mentions(trimmed, "spdx.org/rdf/terms"u8) => "SPDX RDF/XML, which is not supported: convert it to SPDX JSON (e.g. with the SPDX tools)",
            [(byte)'<', ..] when Mentions(trimmed, "<SpdxDocument"u8) || Mentions(trimmed, "<spdxVersion>"u8) => "SPDX XML, which is not supported: convert it to SPDX JSON (e.g. with the SPDX tools)",
            [(byte)'<', ..] => "XML",
            _ => "not JSON or XML",
        };
    }
}
