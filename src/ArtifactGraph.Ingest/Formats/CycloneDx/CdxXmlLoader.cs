using System.Xml;
using System.Xml.Linq;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Loads XML safely: DTDs prohibited (so no external or expanding entities: no XXE, no billion laughs), no
/// resolver, and a streaming first pass that bounds element depth and count before a tree is built.
/// Every failure is a <see cref="DocumentRejectedException"/> with a line and position.
/// </summary>
internal static class CdxXmlLoader
{
    public const int MaxDepth = 256;

    public const int MaxElements = 5_000_000;

    public static XmlReaderSettings SecureSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,

        // With DTDs prohibited no entity can be declared; this bounds what the predefined ones may add.
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    public static XDocument Load(ReadOnlyMemory<byte> content)
    {
        try
        {
            CheckLimits(content);
            using var reader = XmlReader.Create(AsStream(content), SecureSettings());
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var doctype = content.Span.IndexOf("<!DOCTYPE"u8);
            if (doctype >= 0)
            {
                // The prohibition is reported without a position; the DOCTYPE's own is the useful one.
                throw new DocumentRejectedException(
                    LineAndPosition(content.Span[..doctype]),
                    "DTDs are prohibited: the document has a <!DOCTYPE>, which can declare external entities (XXE); remove it",
                    ex);
            }

            throw new DocumentRejectedException($"line {ex.LineNumber}, position {ex.LinePosition}", "malformed XML: " + ex.Message, ex);
        }
    }

    private static void CheckLimits(ReadOnlyMemory<byte> content)
    {
        using var reader = XmlReader.Create(AsStream(content), SecureSettings());
        var elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Depth >= MaxDepth || ++elements > MaxElements)
            {
                var info = (IXmlLineInfo)reader;
                var limit = reader.Depth >= MaxDepth ? $"elements nest deeper than {MaxDepth}" : $"more than {MaxElements} elements";
                throw new DocumentRejectedException($"line {info.LineNumber}, position {info.LinePosition}", $"document exceeds the XML limits: {limit}");
            }
        }
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private static string LineAndPosition(ReadOnlySpan<byte> before)
    {
        var line = before.Count((byte)'\n') + 1;
        var position = before.Length - before.LastIndexOf((byte)'\n');
        return $"line {line}, position {position}";
    }
}
