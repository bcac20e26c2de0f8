using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL.Models;
using ArtifactGraph.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Queries;

/// <summary>
/// <c>dependents</c> and <c>dependencies</c>: the CLI's closure queries (same resolver, same walk, same
/// order), paged. The walk runs once per request; only the page's paths are built.
/// </summary>
internal static class ClosureQueries
{
    public static void Add(ObjectGraphType query)
    {
        Closure(query, "dependents", "maxDepth", Direction.Dependents, "Everything that uses the target, transitively (impact): `artifactgraph dependents`.");
        Closure(query, "dependencies", "depth", Direction.Dependencies, "Everything the target uses, transitively: `artifactgraph deps`.");
    }

    private static void Closure(ObjectGraphType query, string name, string depthArgument, Direction direction, string description) =>
        query.Field<NonNullGraphType<ClosureConnectionType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<StringGraphType>>("target", "A purl (with or without version) or a digest.")
            .Argument<IntGraphType>(depthArgument, "Walk at most this many edges (at least 1); unbounded when absent.")
            .Argument<ListGraphType<NonNullGraphType<NodeKindEnum>>>("kinds", "Only hits of these kinds (counts and pages are of the filtered hits).")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .RequireRole(ApiKeyRole.Reader)
            .Resolve(c => Run(c, direction, c.GetArgument<int?>(depthArgument)));

    private static ClosureConnectionModel Run(IResolveFieldContext context, Direction direction, int? depth)
    {
        if (depth is < 1)
        {
            throw new ExecutionError("the depth bound must be at least 1") { Code = "BAD_ARGUMENT" };
        }

        var index = context.Request().Index;
        var target = Targets.Resolve(index, context.GetArgument<string>("target"));
        var result = ClosureQuery.Run(index, target.Nodes, direction, new ClosureOptions { MaxDepth = depth });
        var kinds = context.GetArgument<List<NodeKind>?>("kinds");
        List<int>? selected = null;
        if (kinds is not null)
        {
            selected = [];
            for (var i = 0; i < result.Count; i++)
            {
                if (kinds.Contains(index.KindOf(result.NodeAt(i))))
                {
                    selected.Add(i);
                }
            }
        }

        var page = Paging.Slice(context, selected?.Count ?? result.Count, i => Hit(index, result, selected?[i] ?? i));
        return new ClosureConnectionModel(page, Targets.Model(index, target));
    }

    private static ClosureHitModel Hit(GraphIndex index, ClosureResult result, int i) =>
        new(new NodeModel(index, result.NodeAt(i)), result.DepthAt(i), Targets.Steps(index, result.PathOf(i)));
}
