using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Queries.BlastRadius;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL.Models;
using ArtifactGraph.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Queries;

/// <summary>
/// <c>blastRadius</c>: the CLI's blast-radius in one round trip (the same query over the same snapshot,
/// so the same answer). The advisory catalog and the answers are cached per snapshot
/// (<see cref="BlastRadiusCache"/>): every commit publishes a new snapshot, so a cached answer can never
/// be older than the graph it is read with.
/// </summary>
internal static class BlastRadiusQueries
{
    public static void Add(ObjectGraphType query) =>
        query.Field<NonNullGraphType<BlastRadiusType>>("blastRadius")
            .Description("What a vulnerability (any alias), a package (purl, optionally narrowed by a vers range) or a digest reaches: `artifactgraph blast-radius`.")
            .Argument<StringGraphType>("vulnerability", "A vulnerability id: CVE, GHSA, OSV, MAL, RHSA ... (any alias).")
            .Argument<StringGraphType>("purl", "A purl with or without version.")
            .Argument<StringGraphType>("range", "A vers range narrowing purl's versions, e.g. vers:npm/<4.17.21.")
            .Argument<StringGraphType>("digest", "An artifact or image digest.")
            .Argument<BooleanGraphType>("ignoreVex", "Show the raw exposure: VEX statements listed, not applied.")
            .Argument<IntGraphType>("maxDepth", "Walk at most this many edges (at least 1).")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("environments", "Environments in ranking order (default production first).")
            .RequireRole(ApiKeyRole.Reader)
            .Resolve(Run);

    private static BlastRadiusModel Run(IResolveFieldContext context)
    {
        var request = context.Request();
        var depth = context.GetArgument<int?>("maxDepth");
        if (depth is < 1)
        {
            throw new ExecutionError("maxDepth must be at least 1") { Code = "BAD_ARGUMENT" };
        }

        var query = new BlastRadiusRequest
        {
            Vulnerability = context.GetArgument<string?>("vulnerability"),
            Purl = context.GetArgument<string?>("purl"),
            Range = context.GetArgument<string?>("range"),
            Digest = context.GetArgument<string?>("digest"),
            IgnoreVex = context.GetArgument<bool?>("ignoreVex") ?? false,
            MaxDepth = depth,
        };
        if (context.GetArgument<List<string>?>("environments") is { Count: > 0 } environments)
        {
            query = query with { EnvironmentOrder = environments };
        }

        var answer = BlastRadiusCache.For(request.Index, request.Store).Get(query);
        return answer.Result.Error is null ? new BlastRadiusModel(answer, request) : throw new ExecutionError(answer.Result.Error) { Code = "BAD_TARGET" };
    }
}

/// <summary>Builds the blast-radius field models from the result, only for what a query selects.</summary>
internal static class BlastRadiusModels
{
    public static List<AffectedPackageModel> Affected(BlastRadiusModel model)
    {
        var index = model.Request.Index;
        return model.Result.AffectedPackages
            .Select(a => new AffectedPackageModel(new NodeModel(index, a.Node), a.Version, a.Matches[0], DocumentNode(model.Request, a.Matches[0].Entry.DocumentId)))
            .ToList();
    }

    public static List<SuppressedModel> Suppressed(BlastRadiusModel model)
    {
        var index = model.Request.Index;
        return model.Result.Suppressed
            .Select(s => new SuppressedModel(new NodeModel(index, s.Node), s.Depth, s.Direct, new NodeModel(index, s.Decision.Product), s.Decision.Statement, DocumentNode(model.Request, s.Decision.Statement.DocumentId)))
            .ToList();
    }

    public static ConnectionModel Images(IResolveFieldContext<BlastRadiusModel> context)
    {
        var (result, request) = (context.Source.Result, context.Source.Request);
        var index = request.Index;
        var hits = context.Source.Answer.ImageHits;
        var page = Paging.Slice(context, hits.Count, i => new ClosureHitModel(new NodeModel(index, result.Closure.NodeAt(hits[i])), result.Closure.DepthAt(hits[i]), Targets.Steps(index, result.Closure.PathOf(hits[i]))));
        return new ClosureConnectionModel(page, new TargetModel(result.Query, result.Starts.Select(n => new NodeModel(index, n)).ToList()));
    }

    public static ConnectionModel Deployments(IResolveFieldContext<BlastRadiusModel> context)
    {
        var (result, request) = (context.Source.Result, context.Source.Request);
        var index = request.Index;
        var environment = context.GetArgument<string?>("environment");
        // Ranks (0-based) of the deployments asked for; only the page's deployments are built.
        var all = result.Deployments;
        var ranks = environment is null ? null : all.RanksIn(environment);
        return Paging.Slice(context, ranks?.Count ?? all.Count, i =>
        {
            var at = ranks is null ? i : ranks[i];
            var (rank, deployment) = (at + 1, all[at]);
            var hit = new ClosureHitModel(new NodeModel(index, deployment.Node), deployment.Depth, Targets.Steps(index, result.Closure.PathOf(deployment.Hit)));
            return new RankedDeploymentModel(rank, deployment, hit, deployment.Image is { } image ? new NodeModel(index, image) : null, new NodeModel(index, deployment.AffectedPackage));
        });
    }

    private static NodeModel? DocumentNode(RequestContext request, long documentId)
    {
        var document = request.Documents.FirstOrDefault(d => d.Id == documentId);
        return document is not null && request.Index.TryFind(NodeKind.Document, "sha256:" + document.Sha256, out var node) ? new NodeModel(request.Index, node) : null;
    }
}
