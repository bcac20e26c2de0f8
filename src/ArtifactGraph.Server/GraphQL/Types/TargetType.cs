using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

internal sealed class TargetType : ObjectGraphType<TargetModel>
{
    public TargetType()
    {
        Name = "Target";
        Description = "A query's target text and the nodes it resolved to (a versionless purl matches every known version).";
        Field<NonNullGraphType<StringGraphType>>("query").ResolveSource(s => s.Query);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("matched").ResolveSource(s => s.Matched);
    }
}
