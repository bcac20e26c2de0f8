using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Queries.BlastRadius;
using ArtifactGraph.Server.GraphQL.Queries;

namespace ArtifactGraph.Server.GraphQL.Models;

/// <summary>A blast-radius answer over the request's snapshot (shared by the snapshot's cache); lists are built per field, pages only for the page.</summary>
internal sealed record BlastRadiusModel(BlastRadiusAnswer Answer, RequestContext Request)
{
    public BlastRadiusResult Result => Answer.Result;
}

internal sealed record AffectedPackageModel(NodeModel Node, string Version, AffectedMatch Match, NodeModel? Advisory);

internal sealed record RankedDeploymentModel(int Rank, RankedDeployment Deployment, ClosureHitModel Hit, NodeModel? Image, NodeModel Package);

internal sealed record SuppressedModel(NodeModel Node, int Depth, bool Direct, NodeModel Product, VexEntry Statement, NodeModel? Document);
