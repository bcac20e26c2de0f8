namespace ArtifactGraph.Core.Advisories;

/// <summary>VEX status values as OpenVEX spells them; CSAF and CycloneDX VEX map onto these.</summary>
public enum VexStatus : byte
{
    NotAffected = 0,
    Affected = 1,
    Fixed = 2,
    UnderInvestigation = 3,
}

public static class VexStatuses
{
    /// <summary>The status as OpenVEX spells it (<c>not_affected</c>, ...): the wire name in JSON and GraphQL answers.</summary>
    public static string ToWireName(this VexStatus status) => status switch
    {
        VexStatus.NotAffected => "not_affected",
        VexStatus.Affected => "affected",
        VexStatus.Fixed => "fixed",
        _ => "under_investigation",
    };
}

/// <summary>
/// One VEX statement about one product. The claim's subject is the product node: a PackageVersion
/// (purl with version), a Package (every version), an Image or an Artifact (digest).
/// <see cref="Subcomponents"/> narrow it: "the product is not affected through these packages".
/// The latest statement per (vulnerability, product, issuer), by <see cref="Timestamp"/>, wins.
/// </summary>
public sealed record VexClaim
{
    public required VexStatus Status { get; init; }

    /// <summary>Subcomponent node keys (canonical purls or digests); empty means the whole product.</summary>
    public IReadOnlyList<string> Subcomponents { get; init; } = [];

    /// <summary>OpenVEX justification (<c>vulnerable_code_not_in_execute_path</c>, ...) or the CSAF flag / CycloneDX justification mapped to it.</summary>
    public string? Justification { get; init; }

    public string? ImpactStatement { get; init; }

    public string? ActionStatement { get; init; }

    /// <summary>Who says so: OpenVEX author, CSAF publisher name, CycloneDX metadata manufacturer/author; the document name when none.</summary>
    public required string Issuer { get; init; }

    /// <summary>The statement's time (statement timestamp, else the document's).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The statement's id or JSON pointer within its document.</summary>
    public string? StatementId { get; init; }
}
