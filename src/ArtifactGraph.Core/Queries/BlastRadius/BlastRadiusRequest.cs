namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>
/// What to assess: exactly one of a vulnerability id (any alias), a purl (with or without version; with
/// <see cref="Range"/> a vers range over its versions) or a digest.
/// </summary>
public sealed record BlastRadiusRequest
{
    public string? Vulnerability { get; init; }

    public string? Purl { get; init; }

    /// <summary>A vers range (<c>vers:npm/&gt;=1.0.0|&lt;2.0.0</c>) narrowing <see cref="Purl"/>'s versions.</summary>
    public string? Range { get; init; }

    public string? Digest { get; init; }

    /// <summary>Shows the raw exposure: VEX statements are listed but not applied.</summary>
    public bool IgnoreVex { get; init; }

    public int? MaxDepth { get; init; }

    /// <summary>Environments in ranking order (earlier first); others after, alphabetically.</summary>
    public IReadOnlyList<string> EnvironmentOrder { get; init; } = ["production", "prod", "staging", "stage", "test", "development", "dev"];
}
