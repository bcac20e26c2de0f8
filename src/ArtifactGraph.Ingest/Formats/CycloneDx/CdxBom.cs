namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// A CycloneDX BOM as the document states it, independent of the wire format: the JSON and XML parsers
/// both produce this, and <see cref="CdxDocumentMapper"/> maps it. Locations are JSON pointers or XML
/// element paths, so every rejection and warning still points into the document the user has.
/// </summary>
internal sealed class CdxBom
{
    public required string SpecVersion { get; init; }

    public string? SerialNumber { get; init; }

    /// <summary>The BOM's own <c>version</c> (an integer), as text.</summary>
    public string? BomVersion { get; init; }

    public string? Timestamp { get; init; }

    public string TimestampLocation { get; init; } = string.Empty;

    /// <summary>Distinct tool names.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    public CdxComponent? Subject { get; init; }

    /// <summary><c>metadata.licenses</c>: the subject's licenses.</summary>
    public IReadOnlyList<CdxLicense> SubjectLicenses { get; init; } = [];

    /// <summary>Top-level components; nested ones hang off <see cref="CdxComponent.Children"/>.</summary>
    public IReadOnlyList<CdxComponent> Components { get; init; } = [];

    /// <summary>Bom-refs of services at any depth (services are not mapped, but are legal dependency targets).</summary>
    public IReadOnlyList<CdxRef> ServiceRefs { get; init; } = [];

    public IReadOnlyList<CdxDependency> Dependencies { get; init; } = [];

    /// <summary>Sections not mapped yet → their item count (or <c>present</c>), recorded on the Document as <c>cdx:&lt;section&gt;</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> UnmappedSections { get; init; } = [];
}

/// <summary>A reference (bom-ref) and where it is written.</summary>
internal sealed record CdxRef(string Ref, string Location);

/// <summary>One <c>hashes[]</c> entry; either part may be missing (a warning, not a rejection).</summary>
internal sealed record CdxHash(string? Alg, string? Content, string Location);

/// <summary>One license choice: an expression, or a license with an SPDX id or a name (or neither: a warning).</summary>
internal sealed record CdxLicense(string? Expression, string? Id, string? Name, string Location);

/// <summary>One <c>dependencies[]</c> entry: <c>ref</c> depends on each of <c>dependsOn</c> and provides <c>provides</c>.</summary>
internal sealed record CdxDependency(CdxRef From, IReadOnlyList<CdxRef> DependsOn, IReadOnlyList<CdxRef> Provides);
