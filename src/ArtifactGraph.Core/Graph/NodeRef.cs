namespace ArtifactGraph.Core.Graph;

/// <summary>A node's identity: its kind and canonical key (ontology.md, "Identity").</summary>
public readonly record struct NodeRef(NodeKind Kind, string Key)
{
    public override string ToString() => $"{Kind}:{Key}";
}
