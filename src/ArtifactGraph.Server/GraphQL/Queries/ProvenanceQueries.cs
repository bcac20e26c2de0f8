using ArtifactGraph.Core.Queries;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL.Models;
using ArtifactGraph.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Queries;

/// <summary>
/// <c>provenance(subject)</c>: the CLI's <c>provenance --json</c> (the same query over the same snapshot).
/// A subject that is not a purl or a digest is a BAD_TARGET error, as in blastRadius; one that names
/// nothing in the graph is null (the CLI prints <c>found: false</c> with empty lists).
/// </summary>
internal static class ProvenanceQueries
{
    public static void Add(ObjectGraphType query) =>
        query.Field<ProvenanceReportType>("provenance")
            .Description("How a subject was built: builders, sources and their Scorecard, materials, the attestations saying so and whether they verified: `artifactgraph provenance`. Null when nothing in the graph matches the subject.")
            .Argument<NonNullGraphType<StringGraphType>>("subject", "A digest (sha256:...) or a purl (with or without version).")
            .RequireRole(ApiKeyRole.Reader)
            .Resolve(Run);

    private static ProvenanceModel? Run(IResolveFieldContext context)
    {
        var request = context.Request();
        var target = Targets.Resolve(request.Index, context.GetArgument<string>("subject"));
        return target.Nodes.Count == 0 ? null : new ProvenanceModel(ProvenanceQuery.Run(request.Index, request.Store, target), target.Nodes);
    }
}
