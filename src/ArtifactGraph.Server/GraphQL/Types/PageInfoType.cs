using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

internal sealed class PageInfoType : ObjectGraphType<ConnectionModel>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Relay page information: pass endCursor as `after` to read the next page.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").ResolveSource(s => s.HasNextPage);
        Field<StringGraphType>("endCursor").ResolveSource(s => s.EndCursor);
    }
}
