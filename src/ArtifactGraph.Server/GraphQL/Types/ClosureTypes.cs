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
        Field<NonNullGraphType<TargetType>>("target").Resolve(c => c.Source.Target);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("The number of hits over all pages (the CLI's count).").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClosureEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
    }
}

internal sealed class ClosureEdgeType : ObjectGraphType<EdgeModel>
{
    public ClosureEdgeType()
    {
        Name = "ClosureEdge";
        Description = "A hit: the node reached, its depth, and one shortest path from the target.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => Hit(c.Source).Node);
        Field<NonNullGraphType<IntGraphType>>("depth").Description("Edges between the target and the node.").Resolve(c => Hit(c.Source).Depth);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathStepType>>>>("path")
            .Description("From the node that uses down to the target for dependents; from the target down for dependencies.")
            .Resolve(c => Hit(c.Source).Path);
    }

    private static ClosureHitModel Hit(EdgeModel edge) => (ClosureHitModel)edge.Item;
}
