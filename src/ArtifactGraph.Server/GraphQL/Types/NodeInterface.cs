using ArtifactGraph.Core.Graph;
using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

internal sealed class NodeInterface : InterfaceGraphType<NodeModel>
{
    private IObjectGraphType?[]? _byKind;

    public NodeInterface()
    {
        Name = "Node";
        Description = "A node of the graph; fetch any node again with node(id).";
        NodeFields.Declare(this);

        // The object type by the node's kind in one array read. Without ResolveType GraphQL.NET tries each
        // possible type's IsTypeOf in turn for every node of an answer (a 50-hit page with 2-step paths has 150).
        ResolveType = value => value is NodeModel node ? TypeOf(node.Kind) : null;
    }

    private IObjectGraphType? TypeOf(NodeKind kind)
    {
        // Built on first use, once the schema has registered the possible types; a benign race builds it twice.
        var byKind = _byKind ??= ByKind(PossibleTypes);
        return (uint)kind < (uint)byKind.Length ? byKind[(int)kind] : null;
    }

    private static IObjectGraphType?[] ByKind(IEnumerable<IObjectGraphType> types)
    {
        var byKind = new IObjectGraphType?[Enum.GetValues<NodeKind>().Max(k => (int)k) + 1];
        foreach (var type in types.OfType<NodeObjectType>())
        {
            byKind[(int)type.Kind] = type;
        }

        return byKind;
    }
}
