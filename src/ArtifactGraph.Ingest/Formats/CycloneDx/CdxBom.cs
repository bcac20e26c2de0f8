namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// A CycloneDX BOM as the document states it, independent of the wire format: the XML parser produces
/// this and <see cref="CdxDocumentMapper"/> maps it. The JSON reader streams instead (components and
/// dependencies are mapped one at a time, see <see cref="CdxJsonStream"/>) and builds only the header.
/// Locations are JSON pointers or XML element paths, so every rejection and warning still points into the
/// document the user has.
/// </summary>
internal sealed class CdxBom
{
    public required CdxBomHeader Header { get; init; }

    public CdxComponent? Subject { get; init; }

    /// <summary>Top-level components; nested ones hang off <see cref="CdxComponent.Children"/>.</summary>
    public IReadOnlyList<CdxComponent> Components { get; init; } = [];

    /// <summary>Bom-refs of services at any depth (services are not mapped, but are legal dependency targets).</summary>
    public IReadOnlyList<CdxRef> ServiceRefs { get; init; } = [];

    public IReadOnlyList<CdxDependency> Dependencies { get; init; } = [];

    public IReadOnlyList<CdxVulnerability> Vulnerabilities { get; init; } = [];
}

/// <summary>A reference (bom-ref) and where it is written.</summary>
internal sealed record CdxRef(string Ref, CdxLocation At)
{
    public string Location => At.ToString();
}

/// <summary>One <c>hashes[]</c> entry; either part may be missing (a warning, not a rejection).</summary>
internal sealed record CdxHash(string? Alg, string? Content, CdxLocation At)
{
    /// <summary>
    /// The canonical digest text (<c>sha256:…</c>) when the JSON reader made it straight from a valid value's bytes
    /// (<see cref="Core.Identity.Digest.TryCreateText"/>); <see cref="Content"/> is then null. Null otherwise.
    /// </summary>
    public string? Digest { get; init; }

    public string Location => At.ToString();
}

/// <summary>One license choice: an expression, or a license with an SPDX id or a name (or neither: a warning).</summary>
internal sealed record CdxLicense(string? Expression, string? Id, string? Name, CdxLocation At)
{
    public string Location => At.ToString();
}

/// <summary>One <c>dependencies[]</c> entry: <c>ref</c> depends on each of <c>dependsOn</c> and provides <c>provides</c>.</summary>
internal sealed record CdxDependency(CdxRef From, IReadOnlyList<CdxRef> DependsOn, IReadOnlyList<CdxRef> Provides);
