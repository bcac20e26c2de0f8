namespace ArtifactGraph.Core.Advisories;

/// <summary>
/// One advisory's statement that versions of one package are affected. The claim's subject is the
/// Package node (versionless purl); versions are matched with the ecosystem's own ordering.
/// Exactly what the advisory said is kept; <see cref="AffectedMatcher"/> decides containment.
/// </summary>
public sealed record AffectedClaim
{
    /// <summary>The ecosystem as OSV spells it (<c>npm</c>, <c>PyPI</c>, <c>Maven</c>, <c>Debian:11</c>, <c>Alpine:v3.18</c>), or derived from the purl type.</summary>
    public required string Ecosystem { get; init; }

    /// <summary>OSV ranges (SEMVER, ECOSYSTEM, GIT) in document order.</summary>
    public IReadOnlyList<OsvRange> Ranges { get; init; } = [];

    /// <summary>Versions listed explicitly (OSV <c>versions</c>, CSAF product versions).</summary>
    public IReadOnlyList<string> Versions { get; init; } = [];

    /// <summary>vers range strings (<c>vers:npm/&gt;=1.0.0|&lt;2.0.0</c>) from CSAF or CycloneDX VEX.</summary>
    public IReadOnlyList<string> VersRanges { get; init; } = [];

    /// <summary>Every version is affected: malicious-package records that say so, or no range given at all.</summary>
    public bool AllVersions { get; init; }

    /// <summary>Fixed versions named by the advisory (for "what to move to").</summary>
    public IReadOnlyList<string> Fixed { get; init; } = [];

    /// <summary>Where in the document this came from (JSON pointer), for explanations and warnings.</summary>
    public string? Location { get; init; }
}

/// <summary>An OSV range: <c>type</c> is SEMVER, ECOSYSTEM or GIT; events in document order.</summary>
public sealed record OsvRange(string Type, IReadOnlyList<OsvEvent> Events);

/// <summary>An OSV range event: <c>introduced</c>, <c>fixed</c>, <c>last_affected</c> or <c>limit</c>.</summary>
public sealed record OsvEvent(string Kind, string Value);
