using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Server.GraphQL.Models;

/// <summary>An edge of the graph between two nodes of the request's snapshot.</summary>
internal sealed record RelationshipModel(EdgeKind Kind, NodeModel From, NodeModel To);

/// <summary>What a target text (purl or digest) resolved to.</summary>
internal sealed record TargetModel(string Query, IReadOnlyList<NodeModel> Matched);

/// <summary>
/// A step of an explanation path; <see cref="Previous"/> is the step before (null for the first), so the
/// edge joining them, and the documents asserting it, can be named.
/// </summary>
internal sealed record PathStepModel(NodeModel Node, EdgeKind? Edge, bool Forward, NodeModel? Previous);

/// <summary>A closure hit: the node, its depth and one shortest path from the target.</summary>
internal sealed record ClosureHitModel(NodeModel Node, int Depth, IReadOnlyList<PathStepModel> Path);

/// <summary>The answer of <c>path(from, to)</c>, as the CLI's <c>why --json</c>.</summary>
internal sealed record PathResultModel(TargetModel From, TargetModel To, IReadOnlyList<PathStepModel>? Path, bool Reversed);

/// <summary>A count per kind (stats).</summary>
internal sealed record KindCountModel(object Kind, long Count);
