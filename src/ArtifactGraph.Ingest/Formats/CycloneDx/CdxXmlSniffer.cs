using System.Xml;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Cheap content check for CycloneDX XML: the first element of the first 4 KB is <c>bom</c> in a
/// <c>http://cyclonedx.org/schema/bom/…</c> namespace. A DOCTYPE is skipped (never resolved) here so the
/// reader, not the sniffer, rejects it with the reason.
/// </summary>
internal static class CdxXmlSniffer
{
    private const int PrefixBytes = 4096;

    public static bool LooksLikeCycloneDxXml(ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> skip = [(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF];
        var trimmed = content.TrimStart(skip);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'<')
        {
            return false;
        }

        var prefix = content.Length > PrefixBytes ? content[..PrefixBytes] : content;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1024 };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(prefix.ToArray(), writable: false), settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    return reader.LocalName == "bom" && reader.NamespaceURI.StartsWith(CdxXmlParser.NamespacePrefix, StringComparison.Ordinal);
                }
            }
        }
        catch (XmlException)
        {
            // Truncated or broken before the root element: not recognisably CycloneDX.
        }

        return false;
    }
}
