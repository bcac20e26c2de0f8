using System.Globalization;
using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Reads the parts of a CycloneDX JSON BOM (header, one component, service refs) from
/// <see cref="JsonElement"/>s, checking what the JSON shape can get wrong (a known field of the wrong type, a
/// component without a name, a dependency without a ref) with JSON pointers; reference checks (duplicate and
/// unknown bom-refs) happen in the shared mapper; dependency entries are read by <see cref="CdxJsonDependency"/>.
/// <see cref="CdxJsonStream"/> decides what is read when.
/// </summary>
internal static class CdxJsonParser
{
    /// <summary>
    /// The header and the subject from the document's small top-level members (see
    /// <see cref="CdxJsonTopLevel.Header"/>), read in the order the whole document always was, so the first
    /// problem found stays the one reported. The subject's nested components are checked here and mapped later.
    /// </summary>
    public static (CdxBomHeader Header, CdxComponent? Subject) ReadHeader(JsonElement root, IReadOnlyList<KeyValuePair<string, string>> unmappedSections)
    {
        var specVersion = ValidateHeader(root);
        var metadata = CdxJson.OptionalObject(root, "metadata", string.Empty);
        CdxComponent? subject = null;
        IReadOnlyList<CdxLicense> subjectLicenses = [];
        if (metadata is { } meta)
        {
            if (CdxJson.OptionalObject(meta, "component", "/metadata") is { } element)
            {
                subject = ReadComponent(element, "/metadata/component", isSubject: true);
                CheckChildren(element, "/metadata/component");
            }

            subjectLicenses = ReadLicenses(meta, "/metadata");
        }

        var header = new CdxBomHeader
        {
            SpecVersion = specVersion,
            SerialNumber = CdxJson.OptionalString(root, "serialNumber", string.Empty) is { Length: > 0 } serial ? serial : null,
            BomVersion = ReadBomVersion(root),
            Timestamp = metadata is { } m ? CdxJson.OptionalString(m, "timestamp", "/metadata") : null,
            TimestampLocation = "/metadata/timestamp",
            Tools = metadata is { } t ? ToolNames(t) : [],
            Issuer = metadata is { } i ? Issuer(i) : null,
            SubjectLicenses = subjectLicenses,
            UnmappedSections = unmappedSections,
        };
        return (header, subject);
    }

    /// <summary>
    /// The BOM's maker for VEX statements: manufacturer (1.6), manufacture (older), supplier, then the first
    /// author. Read leniently: these are informational, and a shape problem here must not reject an SBOM.
    /// </summary>
    private static string? Issuer(JsonElement metadata)
    {
        foreach (var key in new[] { "manufacturer", "manufacture", "supplier" })
        {
            if (metadata.TryGetProperty(key, out var org) && org.ValueKind == JsonValueKind.Object
                && org.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(name.GetString()))
            {
                return name.GetString()!.Trim();
            }
        }

        return metadata.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array
            ? authors.EnumerateArray()
                .Select(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null)
                .FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim()
            : null;
    }

    /// <summary>Checks that this is a CycloneDX BOM of a supported version and returns the version.</summary>
    private static string ValidateHeader(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DocumentRejectedException("/", "a CycloneDX document is a JSON object");
        }

        var bomFormat = CdxJson.OptionalString(root, "bomFormat", string.Empty);
        if (bomFormat is null)
        {
            // bomFormat is required, but a BOM that names the CycloneDX schema is unmistakable.
            var schema = CdxJson.OptionalString(root, "$schema", string.Empty);
            if (schema is null || !schema.Contains("cyclonedx", StringComparison.OrdinalIgnoreCase))
            {
                throw new DocumentRejectedException("/bomFormat", "missing 'bomFormat' (must be \"CycloneDX\")");
            }
        }
        else if (bomFormat != "CycloneDX")
        {
            throw new DocumentRejectedException("/bomFormat", $"bomFormat is '{bomFormat}', expected \"CycloneDX\"");
        }

        var specVersion = CdxJson.OptionalString(root, "specVersion", string.Empty)
            ?? throw new DocumentRejectedException("/specVersion", "missing 'specVersion'");
        return CdxDocumentHeader.IsSupported(specVersion)
            ? specVersion
            : throw new DocumentRejectedException("/specVersion", $"unsupported specVersion '{specVersion}' (supported: 1.0 to 1.7)");
    }

    private static string? ReadBomVersion(JsonElement root)
    {
        if (!root.TryGetProperty("version", out var version) || version.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return version.ValueKind == JsonValueKind.Number && version.TryGetInt64(out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : throw CdxJson.WrongType("/version", "an integer", version);
    }

    /// <summary>One component's own fields; its nested components are left to <see cref="CheckChildren"/> and the walk.</summary>
    public static CdxComponent ReadComponent(JsonElement element, string pointer, bool isSubject)
    {
        var name = CdxComponent.RequireName(CdxJson.OptionalString(element, "name", pointer), pointer);
        var component = new CdxComponent
        {
            Location = pointer,
            Name = name,
            Group = CdxJson.OptionalString(element, "group", pointer)?.Trim(),
            BomRef = CdxJson.OptionalString(element, "bom-ref", pointer),
            Type = CdxJson.OptionalString(element, "type", pointer),
            Version = CdxJson.OptionalString(element, "version", pointer),
            Purl = CdxJson.OptionalString(element, "purl", pointer),
            Description = CdxJson.OptionalString(element, "description", pointer),
            Publisher = CdxJson.OptionalString(element, "publisher", pointer),
            Supplier = CdxJson.OptionalObject(element, "supplier", pointer) is { } supplier
                ? CdxJson.OptionalString(supplier, "name", CdxLocation.Member(pointer, "supplier"))
                : null,
            Cpe = CdxJson.OptionalString(element, "cpe", pointer),
            Scope = CdxJson.OptionalString(element, "scope", pointer),
            Properties = ReadProperties(element, pointer),
            Hashes = ReadHashes(element, pointer),
            Licenses = ReadLicenses(element, pointer),
            VcsUrls = CdxSourceAt.FromJson(element),
            IsSubject = isSubject,
        };
        return component;
    }

    /// <summary>
    /// Checks every component nested in <paramref name="element"/>, depth-first in document order, and keeps none:
    /// the shape errors come out where a whole-document parse found them, while mapping reads each nested list
    /// again when the walk reaches it. Recursion is bounded: the document's depth is capped at 256.
    /// </summary>
    public static void CheckChildren(JsonElement element, string pointer)
    {
        if (CdxJson.OptionalArray(element, "components", pointer) is not { } children)
        {
            return;
        }

        var index = 0;
        foreach (var item in children.EnumerateArray())
        {
            var child = CdxJson.RequireObject(item, pointer, "components", index);
            var childPointer = CdxLocation.Item(pointer, "components", index++).ToString();
            ReadComponent(child, childPointer, isSubject: false);
            CheckChildren(child, childPointer);
        }
    }

    private static IReadOnlyList<CdxHash> ReadHashes(JsonElement element, string pointer)
    {
        List<CdxHash>? hashes = null;
        if (CdxJson.OptionalArray(element, "hashes", pointer) is { } array)
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var hash = CdxJson.RequireObject(item, pointer, "hashes", index);
                var at = CdxLocation.Item(pointer, "hashes", index++);
                (hashes ??= []).Add(new CdxHash(CdxJson.OptionalString(hash, "alg", at), CdxJson.OptionalString(hash, "content", at), at));
            }
        }

        return hashes is null ? Array.Empty<CdxHash>() : hashes;
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ReadProperties(JsonElement element, string pointer)
    {
        List<KeyValuePair<string, string>>? properties = null;
        if (CdxJson.OptionalArray(element, "properties", pointer) is { } array)
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var property = CdxJson.RequireObject(item, pointer, "properties", index);
                var at = CdxLocation.Item(pointer, "properties", index++);
                if (CdxJson.OptionalString(property, "name", at) is { Length: > 0 } name)
                {
                    (properties ??= []).Add(new(name, CdxJson.OptionalString(property, "value", at) ?? string.Empty));
                }
            }
        }

        return properties is null ? Array.Empty<KeyValuePair<string, string>>() : properties;
    }

    private static List<CdxLicense> ReadLicenses(JsonElement owner, string pointer)
    {
        var licenses = new List<CdxLicense>();
        if (CdxJson.OptionalArray(owner, "licenses", pointer) is not { } array)
        {
            return licenses;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var choice = CdxJson.RequireObject(item, pointer, "licenses", index);
            var choicePointer = CdxLocation.Item(pointer, "licenses", index++);
            if (CdxJson.OptionalString(choice, "expression", choicePointer) is { Length: > 0 } expression)
            {
                licenses.Add(new CdxLicense(expression, null, null, choicePointer.Child("expression")));
            }
            else if (CdxJson.OptionalObject(choice, "license", choicePointer) is { } license)
            {
                var licensePointer = choicePointer.Child("license");
                licenses.Add(new CdxLicense(
                    null,
                    CdxJson.OptionalString(license, "id", licensePointer),
                    CdxJson.OptionalString(license, "name", licensePointer),
                    licensePointer));
            }
        }

        return licenses;
    }

    /// <summary>Tool names: 1.0-1.4 write an array of tools, 1.5+ an object with components and services.</summary>
    private static List<string> ToolNames(JsonElement metadata)
    {
        if (!metadata.TryGetProperty("tools", out var tools))
        {
            return [];
        }

        var entries = tools.ValueKind switch
        {
            JsonValueKind.Array => CdxJson.ObjectArray(metadata, "tools", "/metadata"),
            JsonValueKind.Object => CdxJson.ObjectArray(tools, "components", "/metadata/tools")
                .Concat(CdxJson.ObjectArray(tools, "services", "/metadata/tools")),
            JsonValueKind.Null => [],
            _ => throw CdxJson.WrongType("/metadata/tools", "an array or an object", tools),
        };
        return entries
            .Select(e => CdxJson.OptionalString(e.Item, "name", e.Pointer))
            .OfType<string>()
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public static List<CdxRef> ReadServiceRefs(JsonElement root)
    {
        var refs = new List<CdxRef>();
        var pending = new Stack<(JsonElement Owner, string Pointer)>();
        pending.Push((root, string.Empty));
        while (pending.Count > 0)
        {
            var (owner, pointer) = pending.Pop();
            foreach (var (service, servicePointer) in CdxJson.ObjectArray(owner, "services", pointer))
            {
                if (CdxJson.OptionalString(service, "bom-ref", servicePointer) is { } bomRef)
                {
                    refs.Add(new CdxRef(bomRef, servicePointer.Child("bom-ref")));
                }

                pending.Push((service, servicePointer.ToString()));
            }
        }

        return refs;
    }
}
