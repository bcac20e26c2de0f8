using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>A page of a dependents/dependencies answer: the CLI's <c>--json</c> answer, paged.</summary>
internal sealed class ClosureConnectionType : ObjectGraphType<ClosureConnectionModel>
{
    public ClosureConnectionType()
    {
        Name = "ClosureConnection";
        Description = "The answer of dependents / dependencies, ordered by depth, then kind, then discovery (as the CLI).";
        Field<NonNullGraphType<TargetType>>("target").ResolveSource(s => s.Target);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("The number of hits over all pages (the CLI's count).").ResolveSource(s => s.TotalCount);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").ResolveSource(s => s);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClosureEdgeType>>>>("edges").ResolveSource(s => s.Edges);
    }
}

internal sealed class ClosureEdgeType : ObjectGraphType<EdgeModel>
{
    public ClosureEdgeType()
    {
        Name = "ClosureEdge";
        Description = "A hit: the node reached, its depth, and one shortest path from the target.";
        Field<NonNullGraphType<StringGraphType>>("cursor").ResolveSource(s => s.Cursor);
        Field<NonNullGraphType<NodeInterface>>("node").ResolveSource(s => Hit(s).Node);
        Field<NonNullGraphType<IntGraphType>>("depth").Description("Edges between the target and the node.").ResolveSource(s => Hit(s).Depth);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathStepType>>>>("path")
            .Description("From the node that uses down to the target for dependents; from the target down for dependencies.")
            .ResolveSource(s => Hit(s).Path);
    }

    private static ClosureHitModel Hit(EdgeModel edge) => (ClosureHitModel)edge.Item;
}
