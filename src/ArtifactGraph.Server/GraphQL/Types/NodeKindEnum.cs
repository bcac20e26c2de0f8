using ArtifactGraph.Core.Graph;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>Node kinds, named exactly as the CLI's JSON names them (<c>PackageVersion</c>), so answers compare as they are.</summary>
internal sealed class NodeKindEnum : EnumerationGraphType<NodeKind>
{
    public NodeKindEnum()
    {
        Name = "NodeKind";
        Description = "The kinds of node (graph-schema/ontology.md), named as the CLI's --json output names them.";
    }

    protected override string ChangeEnumCase(string val) => val;
}
