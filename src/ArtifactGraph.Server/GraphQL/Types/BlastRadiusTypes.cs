using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Server.GraphQL.Models;
using ArtifactGraph.Server.GraphQL.Queries;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>The answer of <c>blastRadius</c>: the CLI's <c>blast-radius --json</c>, with images and deployments paged.</summary>
internal sealed class BlastRadiusType : ObjectGraphType<BlastRadiusModel>
{
    public BlastRadiusType()
    {
        Name = "BlastRadius";
        Description = "What a vulnerability (any alias), a package or a digest reaches, after VEX unless ignored (artifactgraph blast-radius).";
        Field<NonNullGraphType<StringGraphType>>("query").Resolve(c => c.Source.Result.Query);
        Field<BlastVulnerabilityType>("vulnerability").Description("Null for purl and digest queries.").Resolve(c => c.Source.Result.Aliases.Count == 0 ? null : c.Source);
        Field<NonNullGraphType<BlastCountsType>>("counts").Resolve(c => c.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AffectedPackageType>>>>("affectedPackages")
            .Description("Affected package versions with the advisory range that matched and the version to move to.")
            .Resolve(c => BlastRadiusModels.Affected(c.Source));
        Field<NonNullGraphType<ClosureConnectionType>>("images")
            .Description("Affected images with depth and one shortest path down to an affected package.")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Resolve(BlastRadiusModels.Images);
        Field<NonNullGraphType<RankedDeploymentConnectionType>>("deployments")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<StringGraphType>("environment", "Only deployments in this environment.")
            .Resolve(BlastRadiusModels.Deployments);
        Field<NonNullGraphType<BooleanGraphType>>("vexApplied").Resolve(c => !c.Source.Result.VexIgnored);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SuppressedType>>>>("suppressed")
            .Description("What VEX took out of the answer, and by which statement.")
            .Resolve(c => BlastRadiusModels.Suppressed(c.Source));
    }
}

internal sealed class BlastVulnerabilityType : ObjectGraphType<BlastRadiusModel>
{
    public BlastVulnerabilityType()
    {
        Name = "BlastVulnerability";
        Description = "The vulnerability's identity (every alias, the CVE first) and severity.";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Result.Aliases[0]);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Resolve(c => c.Source.Result.Aliases);
        Field<FloatGraphType>("score").Resolve(c => SeverityProperties.ScoreOf(c.Source.Result.VulnerabilityProperties));
        Field<StringGraphType>("severity").Resolve(c => c.Source.Result.VulnerabilityProperties.GetValueOrDefault(SeverityProperties.Level));
        Field<StringGraphType>("vector").Resolve(c => c.Source.Result.VulnerabilityProperties.GetValueOrDefault("severity:cvss_v3") ?? c.Source.Result.VulnerabilityProperties.GetValueOrDefault("severity:cvss_v4"));
        Field<StringGraphType>("summary").Resolve(c => c.Source.Result.VulnerabilityProperties.GetValueOrDefault("osv:summary"));
    }
}

internal sealed class BlastCountsType : ObjectGraphType<Core.Queries.BlastRadius.BlastRadiusResult>
{
    public BlastCountsType()
    {
        Name = "BlastCounts";
        Field<NonNullGraphType<IntGraphType>>("packages").Description("Affected plus dependent package versions.").Resolve(c => c.Source.AffectedPackages.Count + c.Source.Closure.CountOf(NodeKind.PackageVersion));
        Field<NonNullGraphType<IntGraphType>>("images").Resolve(c => c.Source.Closure.CountOf(NodeKind.Image));
        Field<NonNullGraphType<IntGraphType>>("deployments").Resolve(c => c.Source.Closure.CountOf(NodeKind.Deployment));
        Field<NonNullGraphType<IntGraphType>>("suppressed").Resolve(c => c.Source.Suppressed.Count);
    }
}

internal sealed class AffectedPackageType : ObjectGraphType<AffectedPackageModel>
{
    public AffectedPackageType()
    {
        Name = "AffectedPackage";
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<StringGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("vulnerability").Description("The advisory id whose claim matched.").Resolve(c => c.Source.Match.Entry.Vulnerability);
        Field<NonNullGraphType<StringGraphType>>("explanation").Description("The range or list that matched, e.g. `2.14.1 in [2.13.0, 2.15.0) (ECOSYSTEM range 1)`.").Resolve(c => c.Source.Match.Explanation);
        Field<StringGraphType>("fixedVersion").Resolve(c => c.Source.Match.FixedVersion);
        Field<NodeInterface>("advisory").Description("The advisory document.").Resolve(c => c.Source.Advisory);
    }
}

internal sealed class SuppressedType : ObjectGraphType<SuppressedModel>
{
    public SuppressedType()
    {
        Name = "Suppressed";
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<IntGraphType>>("depth").Resolve(c => c.Source.Depth);
        Field<NonNullGraphType<BooleanGraphType>>("direct").Description("True when the node is the VEX product itself; false when reached only through it.").Resolve(c => c.Source.Direct);
        Field<NonNullGraphType<NodeInterface>>("product").Resolve(c => c.Source.Product);
        Field<NonNullGraphType<StringGraphType>>("status").Resolve(c => c.Source.Statement.Claim.Status.ToWireName());
        Field<StringGraphType>("justification").Resolve(c => c.Source.Statement.Claim.Justification);
        Field<StringGraphType>("impactStatement").Resolve(c => c.Source.Statement.Claim.ImpactStatement);
        Field<NonNullGraphType<StringGraphType>>("issuer").Resolve(c => c.Source.Statement.Claim.Issuer);
        Field<NodeInterface>("document").Resolve(c => c.Source.Document);
    }
}

internal sealed class RankedDeploymentConnectionType : ObjectGraphType<ConnectionModel>
{
    public RankedDeploymentConnectionType()
    {
        Name = "RankedDeploymentConnection";
        Description = "Affected deployments, most urgent first: environment, exposure, replicas, severity, fix available.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RankedDeploymentEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
    }
}

internal sealed class RankedDeploymentEdgeType : ObjectGraphType<EdgeModel>
{
    public RankedDeploymentEdgeType()
    {
        Name = "RankedDeploymentEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<IntGraphType>>("rank").Resolve(c => Item(c.Source).Rank);
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => Item(c.Source).Hit.Node);
        Field<NonNullGraphType<StringGraphType>>("environment").Resolve(c => Item(c.Source).Deployment.Environment);
        Field<NonNullGraphType<StringGraphType>>("cluster").Resolve(c => Item(c.Source).Deployment.Cluster);
        Field<NonNullGraphType<StringGraphType>>("exposure").Resolve(c => Item(c.Source).Deployment.Exposure);
        Field<NonNullGraphType<IntGraphType>>("replicas").Resolve(c => Item(c.Source).Deployment.Replicas);
        Field<NodeInterface>("image").Resolve(c => Item(c.Source).Image);
        Field<NonNullGraphType<NodeInterface>>("package").Description("The affected package the path leads to.").Resolve(c => Item(c.Source).Package);
        Field<StringGraphType>("fixedVersion").Resolve(c => Item(c.Source).Deployment.FixedVersion);
        Field<NonNullGraphType<IntGraphType>>("depth").Resolve(c => Item(c.Source).Hit.Depth);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathStepType>>>>("path").Resolve(c => Item(c.Source).Hit.Path);
    }

    private static RankedDeploymentModel Item(EdgeModel edge) => (RankedDeploymentModel)edge.Item;
}
