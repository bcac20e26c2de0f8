using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL.Types;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Queries;

internal static class StatsQueries
{
    public static void Add(ObjectGraphType query) =>
        query.Field<NonNullGraphType<StatsType>>("stats")
            .Description("Documents, nodes per kind and edges per kind: `artifactgraph stats`.")
            .RequireRole(ApiKeyRole.Reader)
            .Resolve(c => c.Request().Store.GetStatistics());
}
