using System.Globalization;
using System.Xml.Linq;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// CycloneDX XML (namespaces <c>http://cyclonedx.org/schema/bom/1.0</c> to <c>1.7</c>) → <see cref="CdxBom"/>,
/// the same model the JSON parser produces, so identities and edges are the same in both formats.
/// XML differences: attributes carry <c>bom-ref</c>, <c>type</c>, <c>serialNumber</c>, <c>version</c>,
/// <c>alg</c>, <c>name</c> (property) and <c>ref</c>; lists sit in wrapper elements; 1.1 documents may carry
/// the dependency-graph extension, whose <c>dependency</c> elements nest to any depth.
/// </summary>
internal static class CdxXmlParser
{
    public const string NamespacePrefix = "http://cyclonedx.org/schema/bom/";

    /// <summary>The 1.1 dependency-graph extension (<c>dg:dependencies</c>), folded into 1.2 core.</summary>
    private const string DependencyGraphExtension = "http://cyclonedx.org/schema/ext/dependency-graph/";

    private static readonly string[] CountedSections = ["services", "vulnerabilities", "compositions", "formulation", "annotations", "citations"];

    private static readonly string[] PresentSections = ["declarations", "definitions"];

    public static CdxBom Parse(XDocument document)
    {
        var root = document.Root ?? throw new DocumentRejectedException("line 1, position 1", "the XML document has no root element");
        var specVersion = SpecVersion(root);
        var xml = new CdxXml(root.Name.Namespace);
        var metadata = xml.Child(root, "metadata");
        var subjectElement = metadata is null ? null : xml.Child(metadata, "component");

        // Read in the order the elements were always read, so the first problem found stays the one reported.
        var serialNumber = CdxXml.Attribute(root, "serialNumber") is { Length: > 0 } serial ? serial : null;
        var bomVersion = BomVersion(root);
        var timestamp = metadata is null ? null : xml.Text(metadata, "timestamp")?.Trim();
        var timestampLocation = metadata is null ? string.Empty : CdxXml.LocateChild(metadata, "timestamp");
        var tools = metadata is null ? [] : ToolNames(xml, metadata);
        var subject = subjectElement is null ? null : ReadComponent(xml, subjectElement, isSubject: true);
        var subjectLicenses = metadata is null ? [] : ReadLicenses(xml, metadata);
        var components = ReadComponents(xml, root);
        var serviceRefs = ReadServiceRefs(xml, root);
        var dependencies = ReadDependencies(root);
        var vulnerabilities = CdxVulnerabilityXml.Read(xml, root);
        return new CdxBom
        {
            Header = new CdxBomHeader
            {
                SpecVersion = specVersion,
                SerialNumber = serialNumber,
                BomVersion = bomVersion,
                Timestamp = timestamp,
                TimestampLocation = timestampLocation,
                Tools = tools,
                Issuer = metadata is null ? null : Issuer(xml, metadata),
                SubjectLicenses = subjectLicenses,
                UnmappedSections = SectionCounts(xml, root),
            },
            Subject = subject,
            Components = components,
            ServiceRefs = serviceRefs,
            Dependencies = dependencies,
            Vulnerabilities = vulnerabilities,
        };
    }

    /// <summary>The BOM's maker for VEX statements, as the JSON parser reads it: manufacturer, manufacture, supplier, first author.</summary>
    private static string? Issuer(CdxXml xml, XElement metadata)
    {
        foreach (var key in new[] { "manufacturer", "manufacture", "supplier" })
        {
            if (xml.Child(metadata, key) is { } org && xml.Text(org, "name") is { } name && !string.IsNullOrWhiteSpace(name))
            {
                return name.Trim();
            }
        }

        return xml.Items(metadata, "authors", "author").Select(a => xml.Text(a, "name")).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim();
    }

    /// <summary>The spec version is the namespace's: <c>…/schema/bom/1.3</c> → 1.3.</summary>
    private static string SpecVersion(XElement root)
    {
        var ns = root.Name.NamespaceName;
        if (root.Name.LocalName != "bom" || !ns.StartsWith(NamespacePrefix, StringComparison.Ordinal))
        {
            throw new DocumentRejectedException(
                CdxXml.Locate(root),
                $"root element is <{root.Name.LocalName}> in namespace '{ns}'; a CycloneDX BOM is <bom> in {NamespacePrefix}1.x");
        }

        var version = ns[NamespacePrefix.Length..];
        return CdxDocumentHeader.IsSupported(version)
            ? version
            : throw new DocumentRejectedException(CdxXml.Locate(root), $"unsupported CycloneDX namespace '{ns}' (supported: 1.0 to 1.7)");
    }

    private static string? BomVersion(XElement root)
    {
        if (CdxXml.Attribute(root, "version") is not { } text)
        {
            return null;
        }

        return long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : throw new DocumentRejectedException(CdxXml.LocateAttribute(root, "version"), $"expected an integer, found '{text}'");
    }

    private static List<CdxComponent> ReadComponents(CdxXml xml, XElement owner) =>
        xml.Items(owner, "components", "component").Select(c => ReadComponent(xml, c, isSubject: false)).ToList();

    // Recursion is bounded: the reader caps element depth before this runs.
    private static CdxComponent ReadComponent(CdxXml xml, XElement element, bool isSubject)
    {
        var location = CdxXml.Locate(element);
        var component = new CdxComponent
        {
            Location = location,
            Name = CdxComponent.RequireName(xml.Text(element, "name"), location),
            Group = xml.Text(element, "group")?.Trim(),
            BomRef = CdxXml.Attribute(element, "bom-ref"),
            BomRefLocation = CdxXml.LocateAttribute(element, "bom-ref"),
            Type = CdxXml.Attribute(element, "type"),
            Version = xml.Text(element, "version"),
            Purl = xml.Text(element, "purl")?.Trim(),
            PurlLocation = CdxXml.LocateChild(element, "purl"),
            Description = xml.Text(element, "description"),
            Publisher = xml.Text(element, "publisher"),
            Supplier = xml.Child(element, "supplier") is { } supplier ? xml.Text(supplier, "name") : null,
            Cpe = xml.Text(element, "cpe"),
            Scope = xml.Text(element, "scope")?.Trim(),
            Properties = xml.Items(element, "properties", "property")
                .Where(p => CdxXml.Attribute(p, "name") is { Length: > 0 })
                .Select(p => new KeyValuePair<string, string>(CdxXml.Attribute(p, "name")!, p.Value))
                .ToList(),
            Hashes = xml.Items(element, "hashes", "hash")
                .Select(h => new CdxHash(CdxXml.Attribute(h, "alg"), h.Value.Trim() is { Length: > 0 } content ? content : null, CdxXml.Locate(h)))
                .ToList(),
            Licenses = ReadLicenses(xml, element),
            VcsUrls = CdxSourceAt.FromXml(xml, element),
            IsSubject = isSubject,
        };
        component.Children.AddRange(ReadComponents(xml, element));
        return component;
    }

    /// <summary><c>&lt;licenses&gt;</c> holds <c>&lt;license&gt;</c> (id or name) elements or one <c>&lt;expression&gt;</c>.</summary>
    private static List<CdxLicense> ReadLicenses(CdxXml xml, XElement owner)
    {
        var licenses = new List<CdxLicense>();
        foreach (var choice in xml.Child(owner, "licenses")?.Elements() ?? [])
        {
            if (choice.Name == xml.Namespace + "expression" && choice.Value.Trim() is { Length: > 0 } expression)
            {
                licenses.Add(new CdxLicense(expression, null, null, CdxXml.Locate(choice)));
            }
            else if (choice.Name == xml.Namespace + "license")
            {
                licenses.Add(new CdxLicense(null, xml.Text(choice, "id"), xml.Text(choice, "name"), CdxXml.Locate(choice)));
            }
        }

        return licenses;
    }

    /// <summary>1.0-1.4: <c>tools/tool/name</c>; 1.5+: <c>tools/components/component/name</c> and <c>tools/services/service/name</c>.</summary>
    private static List<string> ToolNames(CdxXml xml, XElement metadata)
    {
        if (xml.Child(metadata, "tools") is not { } tools)
        {
            return [];
        }

        return tools.Elements(xml.Namespace + "tool")
            .Concat(xml.Items(tools, "components", "component"))
            .Concat(xml.Items(tools, "services", "service"))
            .Select(t => xml.Text(t, "name")?.Trim())
            .OfType<string>()
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static List<CdxRef> ReadServiceRefs(CdxXml xml, XElement root)
    {
        var refs = new List<CdxRef>();
        var pending = new Stack<XElement>([root]);
        while (pending.TryPop(out var owner))
        {
            foreach (var service in xml.Items(owner, "services", "service"))
            {
                if (CdxXml.Attribute(service, "bom-ref") is { } bomRef)
                {
                    refs.Add(new CdxRef(bomRef, CdxXml.LocateAttribute(service, "bom-ref")));
                }

                pending.Push(service);
            }
        }

        return refs;
    }

    /// <summary>
    /// Every <c>dependency</c> element with children is an entry: its child <c>dependency</c> elements are its
    /// dependsOn, its <c>provides</c> elements (1.6+) what it provides. In 1.2+ only one level nests; the 1.1
    /// extension nests further, and a nested element with children declares its own dependencies.
    /// </summary>
    private static List<CdxDependency> ReadDependencies(XElement root)
    {
        var wrapper = root.Elements().FirstOrDefault(e => e.Name.LocalName == "dependencies" && IsDependencyNamespace(e.Name.Namespace, root));
        if (wrapper is null)
        {
            return [];
        }

        var entries = new List<CdxDependency>();
        var pending = new Queue<XElement>(wrapper.Elements(wrapper.Name.Namespace + "dependency"));
        while (pending.TryDequeue(out var element))
        {
            var children = element.Elements(element.Name.Namespace + "dependency").ToList();
            var provides = element.Elements(element.Name.Namespace + "provides").ToList();
            entries.Add(new CdxDependency(Ref(element), children.Select(Ref).ToList(), provides.Select(Ref).ToList()));
            foreach (var child in children.Where(c => c.HasElements))
            {
                pending.Enqueue(child);
            }
        }

        return entries;
    }

    private static bool IsDependencyNamespace(XNamespace ns, XElement root) =>
        ns == root.Name.Namespace || ns.NamespaceName.StartsWith(DependencyGraphExtension, StringComparison.Ordinal);

    private static CdxRef Ref(XElement element) =>
        CdxXml.Attribute(element, "ref") is { } reference
            ? new CdxRef(reference, CdxXml.LocateAttribute(element, "ref"))
            : throw new DocumentRejectedException(CdxXml.Locate(element), $"<{element.Name.LocalName}> has no 'ref' attribute");

    private static List<KeyValuePair<string, string>> SectionCounts(CdxXml xml, XElement root)
    {
        var counts = new List<KeyValuePair<string, string>>();
        foreach (var section in CountedSections.Concat(PresentSections))
        {
            if (xml.Child(root, section) is { } element)
            {
                counts.Add(new(section, CountedSections.Contains(section)
                    ? element.Elements().Count().ToString(CultureInfo.InvariantCulture)
                    : "present"));
            }
        }

        return counts;
    }
}
