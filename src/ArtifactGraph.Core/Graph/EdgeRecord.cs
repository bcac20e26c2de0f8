namespace ArtifactGraph.Core.Graph;

/// <summary>An edge as a document asserts it; e.g. DEPENDS_ON carries a <c>scope</c> property.</summary>
public sealed record EdgeRecord(EdgeKind Kind, NodeRef From, NodeRef To, IReadOnlyDictionary<string, string> Properties);
