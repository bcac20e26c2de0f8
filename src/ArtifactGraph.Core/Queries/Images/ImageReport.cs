using ArtifactGraph.Core.Advisories;

namespace ArtifactGraph.Core.Queries.Images;

/// <summary>A vulnerability of a package inside an image; <see cref="SuppressedBy"/> is the VEX statement that took it out, if any.</summary>
public sealed record ImageVulnerability(IReadOnlyList<string> Aliases, int Package, string Version, AffectedMatch Match, VexDecision? SuppressedBy);

/// <summary>An edge out of the image (or its platform images) about how it was built: BUILT_BY, BUILT_FROM.</summary>
public sealed record ProvenanceEdge(Graph.EdgeKind Kind, int From, int To);

/// <summary>What an image is: contents, base chain, where it runs, vulnerabilities after VEX, provenance.</summary>
public sealed class ImageReport
{
    public required int Image { get; init; }

    /// <summary>Everything the image contains, directly (depth 1) and transitively, through its base images too.</summary>
    public required ClosureResult Contents { get; init; }

    /// <summary>BASED_ON, nearest first.</summary>
    public IReadOnlyList<int> BaseChain { get; init; } = [];

    /// <summary>Deployments that run the image, with their depth (1: RUNS it directly).</summary>
    public required ClosureResult RunsIn { get; init; }

    public IReadOnlyList<ImageVulnerability> Vulnerabilities { get; init; } = [];

    public IReadOnlyList<ProvenanceEdge> Provenance { get; init; } = [];
}
