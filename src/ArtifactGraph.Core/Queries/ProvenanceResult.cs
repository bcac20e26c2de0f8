using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Core.Queries;

/// <summary>
/// How a target was built (README.md, <c>provenance</c>): per built subject, its builders, materials,
/// sources and the attestations saying so; per package version, its SOURCE_AT sources.
/// </summary>
public sealed record ProvenanceResult(string Query, IReadOnlyList<BuiltSubject> Subjects, IReadOnlyList<PackageSources> Packages);

/// <summary>A node something says was built (an Artifact, or a PackageVersion subject without digest).</summary>
public sealed record BuiltSubject(
    NodeRef Node,
    string? Name,
    IReadOnlyList<string> Builders,
    IReadOnlyList<string> BuildTypes,
    IReadOnlyList<SourceProvenance> Sources,
    IReadOnlyList<NodeRef> Materials,
    IReadOnlyList<Attestation> Attestations);

/// <summary>A package version and the sources it says it came from (SOURCE_AT).</summary>
public sealed record PackageSources(NodeRef Package, IReadOnlyList<SourceProvenance> Sources);

/// <summary>A source repository, at a revision when known, and the Scorecard that best describes it.</summary>
public sealed record SourceProvenance(NodeRef Node, string Repository, string? Revision, string? Ref, ScorecardSummary? Scorecard);

/// <summary>
/// A Scorecard result. <see cref="Basis"/> is <c>commit</c> when it scored exactly the source's revision,
/// else <c>repository-latest</c> (the most recent result for the repository).
/// </summary>
public sealed record ScorecardSummary(NodeRef Node, string Basis, double? Score, string? Date, string? Commit, string? Version, IReadOnlyList<ScorecardCheck> FailingChecks);

/// <summary>A check below the maximum (10), or inconclusive (-1).</summary>
public sealed record ScorecardCheck(string Name, double Score, string? Reason);

/// <summary>A document asserting a BUILT_BY / BUILT_FROM edge, with its verification state.</summary>
public sealed record Attestation(DocumentSummary Document, string? PredicateType, string? BuildType, bool Verified, string? KeyId, string? Reason);
