namespace ArtifactGraph.Core.Graph;

/// <summary>
/// A node as a document asserts it. <see cref="Name"/> is the human label (an image's repository:tag,
/// a package's name); <see cref="Properties"/> hold what has no first-class field, namespaced by format
/// (e.g. <c>cdx:description</c>) so lossy mapping stays visible.
/// </summary>
public sealed record NodeRecord(NodeRef Ref, string? Name, IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>The node's <see cref="Ref"/>, kept with its <see cref="Identity"/> (also through <c>with</c>).</summary>
    public NodeRef Ref
    {
        get;
        init
        {
            field = value;
            Identity = NodeHash.Of(value);
        }
    } = Ref;

    public NodeKind Kind => Ref.Kind;

    public string Key => Ref.Key;

    /// <summary>
    /// <see cref="NodeHash"/> of <see cref="Ref"/>, computed where the record is made: that is the reader's thread,
    /// and the stores' writers, which key their caches by it, run on the committing thread, the one that limits a bulk
    /// load (~2.5% of it at tier M).
    /// </summary>
    internal UInt128 Identity { get; private set; } = NodeHash.Of(Ref);
}
