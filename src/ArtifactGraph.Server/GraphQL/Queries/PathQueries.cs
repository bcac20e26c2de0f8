using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL.Models;
using ArtifactGraph.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Queries;

/// <summary><c>path(from, to)</c>: the CLI's <c>why</c>, over real edges only (never a shared name).</summary>
internal static class PathQueries
{
    public static void Add(ObjectGraphType query) =>
        query.Field<NonNullGraphType<PathResultType>>("path")
            .Description("The shortest path by which `from` uses `to` (else `to` uses `from`), with each edge's documents: `artifactgraph why`.")
            .Argument<NonNullGraphType<StringGraphType>>("from", "A purl or a digest.")
            .Argument<NonNullGraphType<StringGraphType>>("to", "A purl or a digest.")
            .Argument<ListGraphType<NonNullGraphType<EdgeKindEnum>>>("edgeKinds", "Edges to walk; default DEPENDS_ON, CONTAINS, OCCURS_AS, BASED_ON, RUNS.")
            .Argument<IntGraphType>("maxLength", "At most this many edges.")
            .RequireRole(ApiKeyRole.Reader)
            .Resolve(Find);

    private static PathResultModel Find(IResolveFieldContext context)
    {
        var index = context.Request().Index;
        var from = Targets.Resolve(index, context.GetArgument<string>("from"));
        var to = Targets.Resolve(index, context.GetArgument<string>("to"));
        var kinds = context.GetArgument<List<EdgeKind>?>("edgeKinds");
        var maxLength = context.GetArgument<int?>("maxLength");
        if (maxLength is < 1)
        {
            throw new ExecutionError("maxLength must be at least 1") { Code = "BAD_ARGUMENT" };
        }

        var result = PathQuery.Find(index, from.Nodes, to.Nodes, kinds is null ? null : EdgeKindSet.Of([.. kinds]), maxLength);
        return new PathResultModel(
            Targets.Model(index, from),
            Targets.Model(index, to),
            result.Path is null ? null : Targets.Steps(index, result.Path),
            result.Reversed);
    }
}
