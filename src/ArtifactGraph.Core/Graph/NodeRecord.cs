namespace ArtifactGraph.Core.Graph;

/// <summary>
/// A node as a document asserts it. <see cref="Name"/> is the human label (an image's repository:tag,
/// a package's name); <see cref="Properties"/> hold what has no first-class field, namespaced by format
/// (e.g. <c>cdx:description</c>) so lossy mapping stays visible.
/// </summary>
public sealed record NodeRecord(NodeRef Ref, string? Name, IReadOnlyDictionary<string, string> Properties)
{
    public NodeKind Kind => Ref.Kind;

    public string Key => Ref.Key;
}
