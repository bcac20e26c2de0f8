using ArtifactGraph.Core.Advisories;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>A node the raw exposure reaches that VEX suppressed: directly (it is the product) or only through a suppressed product.</summary>
public sealed record SuppressedItem(int Node, int Depth, VexDecision Decision, bool Direct);

/// <summary>A deployment in the answer, with what ranks it.</summary>
public sealed record RankedDeployment(int Hit, int Node, int Depth, string Environment, string Cluster, string Exposure, int Replicas, int? Image, int AffectedPackage, string? FixedVersion, double? Severity);

/// <summary>
/// The answer to a blast-radius request over one snapshot. <see cref="Closure"/> holds every hit (after
/// VEX unless ignored) with its depth and one shortest path from the hit down to an affected package.
/// </summary>
public sealed class BlastRadiusResult
{
    public required string Query { get; init; }

    /// <summary>Set when the request is not answerable (unknown form); the rest is then empty.</summary>
    public string? Error { get; init; }

    /// <summary>The vulnerability's ids, preferred first (empty for purl and digest queries).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The vulnerability's properties (severity, summary), merged over its aliases.</summary>
    public IReadOnlyDictionary<string, string> VulnerabilityProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>Affected package versions with the claims that matched them (for a vulnerability), after VEX.</summary>
    public IReadOnlyList<AffectedVersion> AffectedPackages { get; init; } = [];

    /// <summary>The nodes the walk started from (affected versions, or the purl/digest targets).</summary>
    public IReadOnlyList<int> Starts { get; init; } = [];

    public required ClosureResult Closure { get; init; }

    /// <summary>Ranked for action (see DeploymentRanking); each built when read.</summary>
    public RankedDeployments Deployments { get; init; } = RankedDeployments.Empty;

    public IReadOnlyList<SuppressedItem> Suppressed { get; init; } = [];

    /// <summary>affected / under_investigation statements, and with IgnoreVex every statement not applied.</summary>
    public IReadOnlyList<VexDecision> Annotations { get; init; } = [];

    public IReadOnlyList<UnusableClaim> Unusable { get; init; } = [];

    public bool VexIgnored { get; init; }
}
