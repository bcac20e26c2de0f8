namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// A component as the document states it (any nesting depth, or the metadata subject), read from JSON or XML
/// into the same shape so one mapper serves both. <see cref="Location"/> is where it
/// sits in the document: a JSON pointer or an XML element path with its line.
/// </summary>
internal sealed class CdxComponent
{
    // DisplayName is asked for the version node, the package node and image names: joined once.
    private string? _displayName;

    // Made when asked: the JSON reader never asks, and a list per component was a tenth of its allocations.
    private List<CdxComponent>? _children;

    // Set only by a reader that locates them otherwise than as members of Location.
    private readonly string? _bomRefAt;
    private readonly string? _purlAt;

    public required string Location { get; init; }

    public required string Name { get; init; }

    public string? Group { get; init; }

    public string? BomRef { get; init; }

    /// <summary>
    /// Where the bom-ref is written, for a duplicate-ref rejection: the member of <see cref="Location"/> (JSON) unless a
    /// reader that locates it otherwise (XML: an element path with its line) sets it. Joined only when asked: two
    /// locations kept per component were a quarter of its size, and nearly all are never reported.
    /// </summary>
    public string BomRefLocation
    {
        get => _bomRefAt ?? JsonPointers.Child(Location, "bom-ref");
        init => _bomRefAt = value;
    }

    public string? Type { get; init; }

    public string? Version { get; init; }

    public string? Purl { get; init; }

    /// <summary>Where the purl is written, for the invalid-purl warning: as <see cref="BomRefLocation"/>.</summary>
    public string PurlLocation
    {
        get => _purlAt ?? JsonPointers.Child(Location, "purl");
        init => _purlAt = value;
    }

    public string? Description { get; init; }

    public string? Publisher { get; init; }

    /// <summary><c>supplier.name</c>.</summary>
    public string? Supplier { get; init; }

    public string? Cpe { get; init; }

    public string? Scope { get; init; }

    /// <summary><c>properties[]</c> as (name, value) in document order; value empty when absent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; init; } = [];

    public IReadOnlyList<CdxHash> Hashes { get; init; } = [];

    /// <summary><c>externalReferences[type=vcs].url</c>, for SOURCE_AT.</summary>
    public IReadOnlyList<string> VcsUrls { get; init; } = [];

    public IReadOnlyList<CdxLicense> Licenses { get; init; } = [];

    /// <summary>
    /// Nested components (<c>components[].components[]</c>), in document order. Only the XML model fills
    /// this: the JSON reader maps nested components from their bytes, one list at a time.
    /// </summary>
    public List<CdxComponent> Children => _children ??= [];

    public bool IsSubject { get; init; }

    /// <summary>Name as displayed: <c>group/name</c> when the component has a group.</summary>
    public string DisplayName => _displayName ??= Group is { Length: > 0 } ? Group + "/" + Name : Name;

    /// <summary>The name rule both wire formats share: a component without a name rejects the document.</summary>
    public static string RequireName(string? name, string location) =>
        string.IsNullOrWhiteSpace(name)
            ? throw new DocumentRejectedException(location, "component has no 'name' (required by the CycloneDX schema)")
            : name.Trim();
}
