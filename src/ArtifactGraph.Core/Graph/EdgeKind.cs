namespace ArtifactGraph.Core.Graph;

/// <summary>
/// Edge kinds point from the thing that uses to the thing that is used, so impact walks them backwards.
/// Stored as their numeric value: append only.
/// </summary>
public enum EdgeKind : byte
{
    DependsOn = 0,
    Contains = 1,
    OccursAs = 2,
    BasedOn = 3,
    Runs = 4,
    BuiltFrom = 5,
    BuiltBy = 6,
    SourceAt = 7,
    Describes = 8,
    Affects = 9,
    AliasOf = 10,
    HasLicense = 11,
    Scored = 12,

    /// <summary>PackageVersion → Package: lets a versionless purl reach every known version.</summary>
    VersionOf = 13,

    /// <summary>
    /// Image(ref:repository:tag) → Image(digest): derived in the index, never stored — a deployment that
    /// runs an image by tag reaches the digest the graph knows for that tag (ImageTagResolver).
    /// </summary>
    ResolvesTo = 14,
}

public static class EdgeKinds
{
    private static readonly string[] Names =
    [
        "DEPENDS_ON", "CONTAINS", "OCCURS_AS", "BASED_ON", "RUNS", "BUILT_FROM", "BUILT_BY", "SOURCE_AT",
        "DESCRIBES", "AFFECTS", "ALIAS_OF", "HAS_LICENSE", "SCORED", "VERSION_OF", "RESOLVES_TO",
    ];

    public static IReadOnlyList<EdgeKind> All { get; } = Enum.GetValues<EdgeKind>();

    /// <summary>The wire name used in JSON output, SQL exports and the docs, e.g. DEPENDS_ON.</summary>
    public static string ToWireName(this EdgeKind kind) => Names[(int)kind];

    public static bool TryParse(string wireName, out EdgeKind kind)
    {
        var index = Array.IndexOf(Names, wireName.Trim().ToUpperInvariant());
        kind = index < 0 ? default : (EdgeKind)index;
        return index >= 0;
    }
}
