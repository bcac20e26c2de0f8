using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Queries;

/// <summary>
/// One element of an explanation path. For every element but the first, <see cref="Edge"/> is the kind
/// of the edge joining it to the previous element and <see cref="Forward"/> says whether that edge
/// points from the previous element to this one (true) or the other way.
/// </summary>
public sealed record PathStep(int Node, EdgeKind? Edge, bool Forward);

/// <summary>A node reached by a closure, its distance in edges and one shortest path.</summary>
public sealed record ClosureHit(int Node, int Depth, IReadOnlyList<PathStep> Path);

/// <summary>
/// The answer of a dependents or dependencies query over one snapshot.
/// <see cref="Starts"/> are the nodes the query text resolved to.
/// </summary>
public sealed record ClosureResult(IReadOnlyList<int> Starts, IReadOnlyList<ClosureHit> Hits, bool Truncated);
