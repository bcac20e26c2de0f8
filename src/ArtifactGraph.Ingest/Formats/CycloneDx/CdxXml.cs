using System.Xml;
using System.Xml.Linq;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Element access and locations for CycloneDX XML. A location is the line and position (IXmlLineInfo)
/// plus the element path, <c>line 12, position 6 (/bom/components/component[3])</c>, where the index
/// counts same-named siblings from 1 and is written only when the element has such siblings.
/// </summary>
internal sealed class CdxXml(XNamespace ns)
{
    public XNamespace Namespace { get; } = ns;

    public XElement? Child(XElement parent, string name) => parent.Element(Namespace + name);

    /// <summary>The items of a wrapper element: <c>&lt;components&gt;&lt;component/&gt;…</c>; empty when the wrapper is absent.</summary>
    public IEnumerable<XElement> Items(XElement parent, string wrapper, string item) =>
        Child(parent, wrapper)?.Elements(Namespace + item) ?? [];

    /// <summary>A child element's text (CDATA included); null when absent.</summary>
    public string? Text(XElement parent, string name) => Child(parent, name)?.Value;

    public static string? Attribute(XElement element, string name) => element.Attribute(name)?.Value;

    public static string Locate(XElement element) => Locate(element, Path(element));

    public static string LocateAttribute(XElement element, string attribute) =>
        Locate(element, Path(element) + "/@" + attribute);

    public static string LocateChild(XElement parent, string name) => Locate(parent, Path(parent) + "/" + name);

    public static string Path(XElement element)
    {
        var segments = new Stack<string>();
        for (var current = element; current is not null; current = current.Parent)
        {
            var name = current.Name;
            var siblings = current.Parent?.Elements(name).ToList();
            segments.Push(siblings is { Count: > 1 }
                ? $"{name.LocalName}[{siblings.IndexOf(current) + 1}]"
                : name.LocalName);
        }

        return "/" + string.Join('/', segments);
    }

    private static string Locate(XElement element, string path) =>
        element is IXmlLineInfo info && info.HasLineInfo()
            ? $"line {info.LineNumber}, position {info.LinePosition} ({path})"
            : path;
}
