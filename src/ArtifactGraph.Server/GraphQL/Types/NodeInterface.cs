using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

internal sealed class NodeInterface : InterfaceGraphType<NodeModel>
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "A node of the graph; fetch any node again with node(id).";
        NodeFields.Declare(this);
    }
}
