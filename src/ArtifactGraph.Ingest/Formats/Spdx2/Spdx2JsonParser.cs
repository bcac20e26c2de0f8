using System.Text.Json;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>An SPDX 2 JSON tree (from JSON, or from YAML converted to JSON) → the wire model, with JSON pointers.</summary>
internal static class Spdx2JsonParser
{
    public static Spdx2Document Parse(JsonElement root, IngestBatchBuilder builder)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DocumentRejectedException("/", "an SPDX document is an object");
        }

        var document = new Spdx2Document { Location = string.Empty };
        if (root.TryGetProperty("spdxVersion", out var version) && version.ValueKind != JsonValueKind.String && version.ValueKind != JsonValueKind.Null)
        {
            // Reject here rather than read leniently: "spdxVersion": 2 is not a version this reader can trust.
            throw Spdx2Json.WrongType("/spdxVersion", "a string such as \"SPDX-2.3\"", version);
        }

        document.SpdxVersion = Spdx2Json.Scalar(root, "spdxVersion", string.Empty);
        document.SpdxId = Spdx2Json.Scalar(root, "SPDXID", string.Empty);
        document.Name = Spdx2Json.Scalar(root, "name", string.Empty);
        document.Namespace = Spdx2Json.Scalar(root, "documentNamespace", string.Empty);
        document.DataLicense = Spdx2Json.Scalar(root, "dataLicense", string.Empty);
        if (Spdx2Json.Object(root, "creationInfo", string.Empty) is { } creation)
        {
            document.Created = Spdx2Json.Scalar(creation, "created", "/creationInfo");
            document.FieldLocations["created"] = "/creationInfo/created";
            document.Creators.AddRange(Creators(creation));
        }

        document.Describes.AddRange(Spdx2Json.Strings(root, "documentDescribes", string.Empty).Select(d => new Spdx2Reference(d.Item, d.Pointer)));
        document.Packages.AddRange(Spdx2Json.Objects(root, "packages", string.Empty).Select(p => Package(p.Item, p.Pointer, builder)));
        document.Files.AddRange(Spdx2Json.Objects(root, "files", string.Empty).Select(f => File(f.Item, f.Pointer)));
        document.Snippets.AddRange(Spdx2Json.Objects(root, "snippets", string.Empty)
            .Select(s => new Spdx2Reference(Spdx2Json.Scalar(s.Item, "SPDXID", s.Pointer) ?? string.Empty, s.Pointer + "/SPDXID")));
        document.Relationships.AddRange(Spdx2Json.Objects(root, "relationships", string.Empty).Select(r => new Spdx2Relationship(
            Spdx2Json.Scalar(r.Item, "spdxElementId", r.Pointer),
            Spdx2Json.Scalar(r.Item, "relationshipType", r.Pointer),
            Spdx2Json.Scalar(r.Item, "relatedSpdxElement", r.Pointer),
            r.Pointer)));
        document.ExternalDocumentRefs.AddRange(Spdx2Json.Objects(root, "externalDocumentRefs", string.Empty).Select(e => ExternalDocumentRef(e.Item, e.Pointer)));
        return document;
    }

    /// <summary>Creators are strings ("Tool: syft"); GUAC's examples write objects ({"Person": "Harry"}), read as "Person: Harry".</summary>
    private static IEnumerable<string> Creators(JsonElement creation)
    {
        if (!creation.TryGetProperty("creators", out var creators) || creators.ValueKind != JsonValueKind.Array)
        {
            return Spdx2Json.Strings(creation, "creators", "/creationInfo").Select(c => c.Item);
        }

        return creators.EnumerateArray().SelectMany((item, index) => item.ValueKind switch
        {
            JsonValueKind.String => [item.GetString()!],
            JsonValueKind.Object => item.EnumerateObject().Select(p => p.Name + ": " + (p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())),
            _ => throw Spdx2Json.WrongType("/creationInfo/creators/" + index, "a string", item),
        });
    }

    private static Spdx2Package Package(JsonElement element, string pointer, IngestBatchBuilder builder)
    {
        var package = new Spdx2Package
        {
            Location = pointer,
            SpdxId = Spdx2Json.Scalar(element, "SPDXID", pointer),
            Name = Spdx2Json.Scalar(element, "name", pointer),
            VersionInfo = Spdx2Json.Scalar(element, "versionInfo", pointer),
            Supplier = Spdx2Json.Scalar(element, "supplier", pointer),
            Originator = Spdx2Json.Scalar(element, "originator", pointer),
            DownloadLocation = Spdx2Json.Scalar(element, "downloadLocation", pointer),
            Homepage = Spdx2Json.Scalar(element, "homepage", pointer),
            SourceInfo = Spdx2Json.Scalar(element, "sourceInfo", pointer),
            PrimaryPackagePurpose = Spdx2Json.Scalar(element, "primaryPackagePurpose", pointer),
            FilesAnalyzed = Spdx2Json.Scalar(element, "filesAnalyzed", pointer),
            LicenseConcluded = Spdx2Json.Scalar(element, "licenseConcluded", pointer),
            LicenseDeclared = Spdx2Json.Scalar(element, "licenseDeclared", pointer),
        };
        if (package.Name is null && Spdx2Json.Scalar(element, "packageName", pointer) is { Length: > 0 } tagName)
        {
            // GUAC's example documents write the tag-value name "packageName"; keep the package, say so.
            package.Name = tagName;
            builder.Warn(pointer + "/packageName", "'packageName' is the tag-value spelling; read as 'name'");
        }

        Checksums(element, pointer, package.Checksums);
        package.ExternalRefs.AddRange(Spdx2Json.Objects(element, "externalRefs", pointer).Select(r => new Spdx2ExternalRef(
            Spdx2Json.Scalar(r.Item, "referenceCategory", r.Pointer),
            Spdx2Json.Scalar(r.Item, "referenceType", r.Pointer),
            Spdx2Json.Scalar(r.Item, "referenceLocator", r.Pointer),
            r.Pointer)));
        package.HasFiles.AddRange(Spdx2Json.Strings(element, "hasFiles", pointer).Select(f => new Spdx2Reference(f.Item, f.Pointer)));
        foreach (var (annotation, annotationPointer) in Spdx2Json.Objects(element, "annotations", pointer))
        {
            if (Spdx2Json.Scalar(annotation, "comment", annotationPointer) is { Length: > 0 } comment)
            {
                package.AnnotationComments.Add(comment);
            }
        }

        return package;
    }

    private static Spdx2File File(JsonElement element, string pointer)
    {
        var file = new Spdx2File
        {
            Location = pointer,
            SpdxId = Spdx2Json.Scalar(element, "SPDXID", pointer),
            FileName = Spdx2Json.Scalar(element, "fileName", pointer),
        };
        Checksums(element, pointer, file.Checksums);
        return file;
    }

    // A loop into the element's list: a file-heavy document has a checksum list per file.
    private static void Checksums(JsonElement element, string pointer, List<Spdx2Checksum> into)
    {
        foreach (var (checksum, checksumPointer) in Spdx2Json.Objects(element, "checksums", pointer))
        {
            into.Add(new Spdx2Checksum(
                Spdx2Json.Scalar(checksum, "algorithm", checksumPointer),
                Spdx2Json.Scalar(checksum, "checksumValue", checksumPointer),
                checksumPointer));
        }
    }

    private static Spdx2ExternalDocumentRef ExternalDocumentRef(JsonElement element, string pointer)
    {
        var checksum = Spdx2Json.Object(element, "checksum", pointer);
        return new Spdx2ExternalDocumentRef(
            Spdx2Json.Scalar(element, "externalDocumentId", pointer),
            Spdx2Json.Scalar(element, "spdxDocument", pointer),
            checksum is { } c ? Spdx2Json.Scalar(c, "algorithm", pointer + "/checksum") : null,
            checksum is { } v ? Spdx2Json.Scalar(v, "checksumValue", pointer + "/checksum") : null,
            pointer);
    }
}
