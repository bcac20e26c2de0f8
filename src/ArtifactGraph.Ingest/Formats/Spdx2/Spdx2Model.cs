namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// The SPDX 2 wire model every syntax (JSON, tag-value, YAML) parses into, so one mapper serves all three.
/// Only the fields the mapper uses are kept. Every record remembers where it was written: a JSON pointer
/// (<c>/packages/3</c>) or a line (<c>line 12</c>), used in rejections and warnings.
/// </summary>
internal sealed class Spdx2Document
{
    public required string Location { get; init; }

    /// <summary>Where each document-level field was written, by its JSON name (<c>spdxVersion</c>, <c>name</c> ...).</summary>
    public Dictionary<string, string> FieldLocations { get; } = new(StringComparer.Ordinal);

    public string? SpdxVersion { get; set; }

    public string? SpdxId { get; set; }

    public string? Name { get; set; }

    public string? Namespace { get; set; }

    public string? DataLicense { get; set; }

    public string? Created { get; set; }

    public List<string> Creators { get; } = [];

    public List<Spdx2Reference> Describes { get; } = [];

    public List<Spdx2Package> Packages { get; } = [];

    public List<Spdx2File> Files { get; } = [];

    /// <summary>Snippets are only known by id (relationships may name them); they map to no node.</summary>
    public List<Spdx2Reference> Snippets { get; } = [];

    public List<Spdx2Relationship> Relationships { get; } = [];

    public List<Spdx2ExternalDocumentRef> ExternalDocumentRefs { get; } = [];

    /// <summary>The location of a document-level field, or of the document when the field was not written.</summary>
    public string LocationOf(string field) =>
        FieldLocations.TryGetValue(field, out var location) ? location
        : Location.StartsWith('/') || Location.Length == 0 ? Location + "/" + field
        : Location;
}

/// <summary>An SPDXID as written somewhere (documentDescribes, hasFiles, a snippet).</summary>
internal sealed record Spdx2Reference(string Id, string Location);

internal sealed class Spdx2Package
{
    public required string Location { get; init; }

    public string? SpdxId { get; set; }

    public string? IdLocation { get; set; }

    public string? Name { get; set; }

    public string? VersionInfo { get; set; }

    public string? Supplier { get; set; }

    public string? Originator { get; set; }

    public string? DownloadLocation { get; set; }

    public string? Homepage { get; set; }

    public string? SourceInfo { get; set; }

    public string? PrimaryPackagePurpose { get; set; }

    public string? FilesAnalyzed { get; set; }

    public string? LicenseConcluded { get; set; }

    public string? LicenseDeclared { get; set; }

    public List<Spdx2Checksum> Checksums { get; } = [];

    /// <summary>The comments of the package's annotations (every syntax): image labels travel there.</summary>
    public List<string> AnnotationComments { get; } = [];

    public List<Spdx2ExternalRef> ExternalRefs { get; } = [];

    public List<Spdx2Reference> HasFiles { get; } = [];
}

internal sealed class Spdx2File
{
    public required string Location { get; init; }

    public string? SpdxId { get; set; }

    public string? IdLocation { get; set; }

    public string? FileName { get; set; }

    public List<Spdx2Checksum> Checksums { get; } = [];
}

internal sealed record Spdx2Checksum(string? Algorithm, string? Value, string Location);

internal sealed record Spdx2ExternalRef(string? Category, string? Type, string? Locator, string Location)
{
    /// <summary>PACKAGE-MANAGER (2.3) or PACKAGE_MANAGER (2.2) with type purl.</summary>
    public bool IsPurl =>
        Category?.Replace('_', '-').Equals("PACKAGE-MANAGER", StringComparison.OrdinalIgnoreCase) == true
        && string.Equals(Type, "purl", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(Locator);

    public bool IsCpe =>
        (string.Equals(Type, "cpe23Type", StringComparison.OrdinalIgnoreCase) || string.Equals(Type, "cpe22Type", StringComparison.OrdinalIgnoreCase))
        && !string.IsNullOrWhiteSpace(Locator);
}

internal sealed record Spdx2Relationship(string? From, string? Type, string? To, string Location);

internal sealed record Spdx2ExternalDocumentRef(string? Id, string? Document, string? ChecksumAlgorithm, string? ChecksumValue, string Location);
