namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// The BOM's own facts (everything but components, services and dependencies): small whatever the
/// document's size, so both readers hold it whole while components stream past.
/// </summary>
internal sealed class CdxBomHeader
{
    public required string SpecVersion { get; init; }

    public string? SerialNumber { get; init; }

    /// <summary>The BOM's own <c>version</c> (an integer), as text.</summary>
    public string? BomVersion { get; init; }

    public string? Timestamp { get; init; }

    public string TimestampLocation { get; init; } = string.Empty;

    /// <summary>Distinct tool names.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary><c>metadata.licenses</c>: the subject's licenses.</summary>
    public IReadOnlyList<CdxLicense> SubjectLicenses { get; init; } = [];

    /// <summary>Who the BOM says made it (metadata manufacturer, supplier or first author): the issuer of its VEX statements.</summary>
    public string? Issuer { get; init; }

    /// <summary>Sections not mapped yet → their item count (or <c>present</c>), recorded on the Document as <c>cdx:&lt;section&gt;</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> UnmappedSections { get; init; } = [];
}
