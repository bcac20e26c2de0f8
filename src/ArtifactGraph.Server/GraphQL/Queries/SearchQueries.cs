using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL.Models;
using ArtifactGraph.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Queries;

/// <summary><c>search(text)</c> over keys and names; <c>allNodes(kind, filter)</c> for browsing.</summary>
internal static class SearchQueries
{
    public static void Add(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<NodeConnectionType>>("search")
            .Description("Nodes whose key or name contains the text, ignoring ASCII case: purls, package names, image references, vulnerability ids, digests. In node order.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<ListGraphType<NonNullGraphType<NodeKindEnum>>>("kinds", "Only nodes of these kinds.")
            .Argument<NodeFilterInput>("filter")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .RequireRole(ApiKeyRole.Reader)
            .Resolve(c =>
            {
                var text = c.GetArgument<string>("text");
                if (text.Trim().Length == 0)
                {
                    throw new ExecutionError("search needs some text; use allNodes to list nodes") { Code = "BAD_ARGUMENT" };
                }

                return Page(c, NodeScan.Run(c.Request().Index, text, c.GetArgument<List<NodeKind>?>("kinds"), c.GetArgument<NodeFilter?>("filter"), c.CancellationToken));
            });
        query.Field<NonNullGraphType<NodeConnectionType>>("allNodes")
            .Description("Every node of one kind that passes the filter, in node order.")
            .Argument<NonNullGraphType<NodeKindEnum>>("kind")
            .Argument<NodeFilterInput>("filter")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .RequireRole(ApiKeyRole.Reader)
            .Resolve(c => Page(c, NodeScan.Run(c.Request().Index, null, [c.GetArgument<NodeKind>("kind")], c.GetArgument<NodeFilter?>("filter"), c.CancellationToken)));
    }

    private static ConnectionModel Page(IResolveFieldContext context, List<int> nodes)
    {
        var index = context.Request().Index;
        return Paging.Slice(context, nodes.Count, i => new NodeModel(index, nodes[i]));
    }
}
