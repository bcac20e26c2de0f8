using ArtifactGraph.Core.Queries.Risk;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL.Models;
using ArtifactGraph.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Queries;

/// <summary><c>risk(minScore, runningOnly)</c>: the CLI's <c>risk --json</c> (the same query over the same snapshot).</summary>
internal static class RiskQueries
{
    public static void Add(ObjectGraphType query) =>
        query.Field<NonNullGraphType<RiskReportType>>("risk")
            .Description("The fleet's images with supply-chain risk, riskiest first: `artifactgraph risk`.")
            .Argument<FloatGraphType>("minScore", "Sources whose Scorecard aggregate is below this are a risk (0-10, default 5).")
            .Argument<BooleanGraphType>("runningOnly", "Only images some deployment runs.")
            .RequireRole(ApiKeyRole.Reader)
            .Resolve(Run);

    private static RiskModel Run(IResolveFieldContext context)
    {
        var request = context.Request();
        var minScore = context.GetArgument<double?>("minScore") ?? new RiskOptions().MinScore;
        if (minScore is < 0 or > 10 || double.IsNaN(minScore))
        {
            throw new ExecutionError($"minScore takes a Scorecard score from 0 to 10, not {minScore}") { Code = "BAD_ARGUMENT" };
        }

        var options = new RiskOptions { MinScore = minScore, RunningOnly = context.GetArgument<bool?>("runningOnly") ?? false };
        return new RiskModel(RiskQuery.Run(request.Index, request.Store, options), request.Index);
    }
}
