using System.Globalization;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// SPDX tag-value text → the wire model, with <c>line N</c> locations. Element sections start with PackageName,
/// FileName or SnippetSPDXID; an SPDXID belongs to the section it follows. A file written after a package belongs
/// to it (the tag-value rule: files outside any package come before the first package). Annotations are read by
/// <see cref="Spdx2TagValueAnnotations"/>.
/// </summary>
internal sealed class Spdx2TagValueParser
{
    private static readonly char[] Space = [' ', '\t'];

    private readonly IngestBatchBuilder _builder;
    private readonly Spdx2Document _document = new() { Location = "line 1" };
    private readonly List<(Spdx2Package Package, Spdx2File File)> _membership = [];
    private readonly Spdx2TagValueAnnotations _annotations = new();
    private object? _element;
    private Spdx2Package? _lastPackage;
    private bool _headerSeen;

    private Spdx2TagValueParser(IngestBatchBuilder builder) => _builder = builder;

    public static Spdx2Document Parse(string text, IngestBatchBuilder builder) => new Spdx2TagValueParser(builder).Run(text);

    private static string Line(int number) => "line " + number.ToString(CultureInfo.InvariantCulture);

    private Spdx2Document Run(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var number = i + 1;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var tag = colon > 0 ? line[..colon].Trim() : string.Empty;
            if (tag.Length == 0 || !tag.All(char.IsAsciiLetterOrDigit))
            {
                throw new DocumentRejectedException(Line(number), "expected 'Tag: value'");
            }

            var value = line[(colon + 1)..].Trim();
            if (value.StartsWith("<text>", StringComparison.Ordinal))
            {
                value = ReadText(lines, ref i, value);
            }

            Apply(tag, value, Line(number));
        }

        foreach (var (package, file) in _membership.Where(m => !string.IsNullOrWhiteSpace(m.File.SpdxId)))
        {
            package.HasFiles.Add(new Spdx2Reference(file.SpdxId!, file.Location));
        }

        _annotations.Resolve(_document, _builder);
        return _document;
    }

    /// <summary>A &lt;text&gt; value, possibly spanning lines; unterminated rejects at the line that opened it.</summary>
    private static string ReadText(string[] lines, ref int index, string first)
    {
        var start = index + 1;
        var body = first["<text>".Length..];
        var end = body.IndexOf("</text>", StringComparison.Ordinal);
        if (end >= 0)
        {
            return body[..end].Trim();
        }

        var parts = new List<string> { body };
        while (++index < lines.Length)
        {
            var line = lines[index].TrimEnd('\r');
            end = line.IndexOf("</text>", StringComparison.Ordinal);
            if (end >= 0)
            {
                parts.Add(line[..end]);
                return string.Join('\n', parts).Trim();
            }

            parts.Add(line);
        }

        throw new DocumentRejectedException(Line(start), "unterminated <text> block (no </text> before the end of the document)");
    }

    private void Apply(string tag, string value, string location)
    {
        if (!Spdx2TagValueTags.Known.Contains(tag))
        {
            _builder.Warn(location, $"unknown tag '{tag}'; ignored");
            return;
        }

        if (value.Length == 0)
        {
            if (Spdx2TagValueTags.RequiresValue.Contains(tag))
            {
                throw new DocumentRejectedException(location, $"'{tag}' has no value");
            }

            return;
        }

        if (tag is "PackageName" or "FileName" or "SnippetSPDXID" && !_headerSeen)
        {
            throw new DocumentRejectedException(location, $"'{tag}' before the document header (SPDXVersion)");
        }

        if (Spdx2TagValueAnnotations.IsAnnotationTag(tag))
        {
            _annotations.Apply(tag, value, location, _element);
            return;
        }

        _annotations.End();

        if (_element is null or Spdx2Document && ApplyDocument(tag, value, location))
        {
            return;
        }

        switch (tag)
        {
            case "PackageName":
                _lastPackage = new Spdx2Package { Location = location, Name = value };
                _document.Packages.Add(_lastPackage);
                _element = _lastPackage;
                break;
            case "FileName":
                var file = new Spdx2File { Location = location, FileName = value };
                _document.Files.Add(file);
                if (_lastPackage is not null)
                {
                    _membership.Add((_lastPackage, file));
                }

                _element = file;
                break;
            case "SnippetSPDXID":
                _document.Snippets.Add(new Spdx2Reference(value, location));
                _element = _document.Snippets;
                break;
            case "LicenseID" or "Reviewer":
                // Sections this reader does not map; an SPDXID after them still belongs to the last element.
                break;
            case "SPDXID":
                SetId(value, location);
                break;
            case "Relationship":
                var parts = value.Split(Space, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 3)
                {
                    throw new DocumentRejectedException(location, "a Relationship is '<element> <TYPE> <related element>'");
                }

                _document.Relationships.Add(new Spdx2Relationship(parts[0], parts[1], parts[2], location));
                break;
            default:
                ApplyElementField(tag, value, location);
                break;
        }
    }

    private bool ApplyDocument(string tag, string value, string location)
    {
        switch (tag)
        {
            case "SPDXVersion":
                _headerSeen = true;
                _document.SpdxVersion = value;
                _document.FieldLocations["spdxVersion"] = location;
                return true;
            case "SPDXID":
                _document.SpdxId = value;
                _document.FieldLocations["SPDXID"] = location;
                return true;
            case "DocumentName":
                _document.Name = value;
                _document.FieldLocations["name"] = location;
                return true;
            case "DocumentNamespace":
                _document.Namespace = value;
                return true;
            case "DataLicense":
                _document.DataLicense = value;
                return true;
            case "Creator":
                _document.Creators.Add(value);
                return true;
            case "Created":
                _document.Created = value;
                _document.FieldLocations["created"] = location;
                return true;
            case "ExternalDocumentRef":
                _document.ExternalDocumentRefs.Add(ExternalDocumentRef(value, location));
                return true;
            default:
                return false;
        }
    }

    private void SetId(string value, string location)
    {
        switch (_element)
        {
            case Spdx2Package { SpdxId: null } package:
                package.SpdxId = value;
                package.IdLocation = location;
                break;
            case Spdx2File { SpdxId: null } file:
                file.SpdxId = value;
                file.IdLocation = location;
                break;
            default:
                throw new DocumentRejectedException(location, "SPDXID that belongs to no package or file (or a second one for the same element)");
        }
    }

    private void ApplyElementField(string tag, string value, string location)
    {
        if (_element is Spdx2File file)
        {
            if (tag == "FileChecksum")
            {
                file.Checksums.Add(Checksum(value, location));
            }

            return;
        }

        if (_element is not Spdx2Package package)
        {
            return;
        }

        switch (tag)
        {
            case "PackageVersion": package.VersionInfo = value; break;
            case "PackageSupplier": package.Supplier = value; break;
            case "PackageOriginator": package.Originator = value; break;
            case "PackageDownloadLocation": package.DownloadLocation = value; break;
            case "PackageHomePage": package.Homepage = value; break;
            case "PackageSourceInfo": package.SourceInfo = value; break;
            case "PrimaryPackagePurpose": package.PrimaryPackagePurpose = value; break;
            case "FilesAnalyzed": package.FilesAnalyzed = value; break;
            case "PackageLicenseConcluded": package.LicenseConcluded = value; break;
            case "PackageLicenseDeclared": package.LicenseDeclared = value; break;
            case "PackageChecksum": package.Checksums.Add(Checksum(value, location)); break;
            case "ExternalRef":
                var parts = value.Split(Space, 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length < 3)
                {
                    throw new DocumentRejectedException(location, "an ExternalRef is '<category> <type> <locator>'");
                }

                package.ExternalRefs.Add(new Spdx2ExternalRef(parts[0], parts[1], parts[2], location));
                break;
        }
    }

    private static Spdx2Checksum Checksum(string value, string location)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0
            ? throw new DocumentRejectedException(location, "a checksum is '<ALGORITHM>: <hex>'")
            : new Spdx2Checksum(value[..colon].Trim(), value[(colon + 1)..].Trim(), location);
    }

    private static Spdx2ExternalDocumentRef ExternalDocumentRef(string value, string location)
    {
        var parts = value.Split(Space, 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            throw new DocumentRejectedException(location, "an ExternalDocumentRef is 'DocumentRef-<id> <document URI> <ALGORITHM>: <hex>'");
        }

        var checksum = parts.Length == 3 ? Checksum(parts[2], location) : null;
        return new Spdx2ExternalDocumentRef(parts[0], parts[1], checksum?.Algorithm, checksum?.Value, location);
    }
}
