using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

/// <summary>
/// Counts what a CycloneDX XML file should yield, straight from an <see cref="XDocument"/> and written
/// separately from the reader: distinct component identities (all depths, plus metadata/component) and
/// distinct dependency pairs between components (any dependency element with a parent dependency).
/// </summary>
internal static partial class XmlCorpusExpectations
{
    public static XDocument? TryLoad(string path)
    {
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    public static bool IsCycloneDx(XDocument? document) =>
        document?.Root is { } root && root.Name.LocalName == "bom" && root.Name.NamespaceName.StartsWith("http://cyclonedx.org/schema/bom/", StringComparison.Ordinal);

    public static (int Identities, int DependencyPairs) Count(XDocument document)
    {
        var root = document.Root!;
        XNamespace ns = root.Name.Namespace;
        var identityByRef = new Dictionary<string, string>(StringComparer.Ordinal);
        var identities = new HashSet<string>(StringComparer.Ordinal);
        var subject = root.Element(ns + "metadata")?.Element(ns + "component");

        // Components are metadata/component and bom/components/component, each with its components/component
        // at any depth; pedigree ancestors and tools are not components of the BOM.
        void Visit(XElement component)
        {
            var identity = Identity(ns, component, component == subject);
            identities.Add(identity);
            if ((string?)component.Attribute("bom-ref") is { } bomRef)
            {
                identityByRef[bomRef] = identity;
            }

            foreach (var child in component.Elements(ns + "components").Elements(ns + "component"))
            {
                Visit(child);
            }
        }

        if (subject is not null)
        {
            Visit(subject);
        }

        foreach (var component in root.Elements(ns + "components").Elements(ns + "component"))
        {
            Visit(component);
        }

        var pairs = new HashSet<(string, string)>();
        foreach (var dependency in root.Descendants().Where(e => e.Name.LocalName == "dependency" && e.Parent?.Name.LocalName == "dependency"))
        {
            if (identityByRef.TryGetValue((string)dependency.Parent!.Attribute("ref")!, out var from)
                && identityByRef.TryGetValue((string)dependency.Attribute("ref")!, out var to))
            {
                pairs.Add((from, to));
            }
        }

        return (identities.Count, pairs.Count);
    }

    private static string Identity(XNamespace ns, XElement component, bool isSubject)
    {
        var name = component.Element(ns + "name")!.Value.Trim();
        var group = component.Element(ns + "group")?.Value.Trim();
        var version = component.Element(ns + "version")?.Value;
        var purl = component.Element(ns + "purl")?.Value.Trim();
        if ((string?)component.Attribute("type") == "container")
        {
            var digest = version is not null && Sha256().IsMatch(version) ? version.ToLowerInvariant() : null;
            if (digest is not null || isSubject)
            {
                return "image " + (digest ?? "ref:" + (group is { Length: > 0 } ? group + "/" + name : name));
            }
        }

        if (!string.IsNullOrEmpty(purl))
        {
            return "package " + (Purl.TryParse(purl, out var parsed, out _) ? parsed.ToString() : purl);
        }

        return "package " + Purl.Create("generic", string.IsNullOrEmpty(group) ? null : group, name, string.IsNullOrEmpty(version) ? null : version);
    }

    [GeneratedRegex("^sha256:[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256();
}
