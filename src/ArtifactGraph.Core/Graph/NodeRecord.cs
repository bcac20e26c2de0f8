namespace ArtifactGraph.Core.Graph;

/// <summary>
/// A node as a document asserts it. <see cref="Name"/> is the human label (an image's repository:tag,
/// a package's name); <see cref="Properties"/> hold what has no first-class field, namespaced by format
/// (e.g. <c>cdx:description</c>) so lossy mapping stays visible.
/// </summary>
/// <remarks>
/// Written out rather than positional so the batch builder, which has already hashed the node to key its node set,
/// can hand that <see cref="Identity"/> in instead of having it computed again (XxHash128 was ~4% of the reader's
/// thread twice over). Equality, <c>with</c> and deconstruction are as a positional record's.
/// </remarks>
public sealed record NodeRecord
{
    private readonly NodeRef _ref;

    public NodeRecord(NodeRef Ref, string? Name, IReadOnlyDictionary<string, string> Properties)
        : this(Ref, Name, Properties, NodeHash.Of(Ref))
    {
    }

    /// <summary>A record whose <paramref name="identity"/> the caller has computed: it must be <see cref="NodeHash"/> of <paramref name="node"/>.</summary>
    internal NodeRecord(NodeRef node, string? name, IReadOnlyDictionary<string, string> properties, UInt128 identity)
    {
        _ref = node;
        Name = name;
        Properties = properties;
        Identity = identity;
    }

    /// <summary>The node's identity; setting it (a <c>with</c> expression) recomputes <see cref="Identity"/>.</summary>
    public NodeRef Ref
    {
        get => _ref;
        init
        {
            _ref = value;
            Identity = NodeHash.Of(value);
        }
    }

    public string? Name { get; init; }

    public IReadOnlyDictionary<string, string> Properties { get; init; }

    public NodeKind Kind => Ref.Kind;

    public string Key => Ref.Key;

    /// <summary>
    /// <see cref="NodeHash"/> of <see cref="Ref"/>, computed where the record is made: that is the reader's thread,
    /// and the stores' writers, which key their caches by it, run on the committing thread, the one that limits a bulk
    /// load (~2.5% of it at tier M).
    /// </summary>
    internal UInt128 Identity { get; private init; }

    public void Deconstruct(out NodeRef Ref, out string? Name, out IReadOnlyDictionary<string, string> Properties) =>
        (Ref, Name, Properties) = (this.Ref, this.Name, this.Properties);
}
