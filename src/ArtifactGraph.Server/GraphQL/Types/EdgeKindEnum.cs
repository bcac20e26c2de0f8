using ArtifactGraph.Core.Graph;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>Edge kinds by their wire names (DEPENDS_ON ...), the names of the CLI's JSON.</summary>
internal sealed class EdgeKindEnum : EnumerationGraphType<EdgeKind>
{
    public EdgeKindEnum()
    {
        Name = "EdgeKind";
        Description = "The kinds of edge, pointing from the thing that uses to the thing that is used.";
    }
}
