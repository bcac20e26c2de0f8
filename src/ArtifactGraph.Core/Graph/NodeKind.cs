namespace ArtifactGraph.Core.Graph;

/// <summary>The kinds of node in the graph (graph-schema/ontology.md). Stored as their numeric value: append only.</summary>
public enum NodeKind : byte
{
    Package = 0,
    PackageVersion = 1,
    Artifact = 2,
    Image = 3,
    Source = 4,
    Builder = 5,
    Vulnerability = 6,
    Deployment = 7,
    Document = 8,
    License = 9,
    Scorecard = 10,
}
