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
        Field<NonNullGraphType<StringGraphType>>("query").ResolveSource(s => s.Result.Query);
        Field<BlastVulnerabilityType>("vulnerability").Description("Null for purl and digest queries.").ResolveSource(s => s.Result.Aliases.Count == 0 ? null : s);
        Field<NonNullGraphType<BlastCountsType>>("counts").ResolveSource(s => s.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AffectedPackageType>>>>("affectedPackages")
            .Description("Affected package versions with the advisory range that matched and the version to move to.")
            .ResolveSource(s => BlastRadiusModels.Affected(s));
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
        Field<NonNullGraphType<BooleanGraphType>>("vexApplied").ResolveSource(s => !s.Result.VexIgnored);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SuppressedType>>>>("suppressed")
            .Description("What VEX took out of the answer, and by which statement.")
            .ResolveSource(s => BlastRadiusModels.Suppressed(s));
    }
}

internal sealed class BlastVulnerabilityType : ObjectGraphType<BlastRadiusModel>
{
    public BlastVulnerabilityType()
    {
        Name = "BlastVulnerability";
        Description = "The vulnerability's identity (every alias, the CVE first) and severity.";
        Field<NonNullGraphType<StringGraphType>>("id").ResolveSource(s => s.Result.Aliases[0]);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").ResolveSource(s => s.Result.Aliases);
        Field<FloatGraphType>("score").ResolveSource(s => SeverityProperties.ScoreOf(s.Result.VulnerabilityProperties));
        Field<StringGraphType>("severity").ResolveSource(s => s.Result.VulnerabilityProperties.GetValueOrDefault(SeverityProperties.Level));
        Field<StringGraphType>("vector").ResolveSource(s => s.Result.VulnerabilityProperties.GetValueOrDefault("severity:cvss_v3") ?? s.Result.VulnerabilityProperties.GetValueOrDefault("severity:cvss_v4"));
        Field<StringGraphType>("summary").ResolveSource(s => s.Result.VulnerabilityProperties.GetValueOrDefault("osv:summary"));
    }
}

internal sealed class BlastCountsType : ObjectGraphType<Core.Queries.BlastRadius.BlastRadiusResult>
{
    public BlastCountsType()
    {
        Name = "BlastCounts";
        Field<NonNullGraphType<IntGraphType>>("packages").Description("Affected plus dependent package versions.").ResolveSource(s => s.AffectedPackages.Count + s.Closure.CountOf(NodeKind.PackageVersion));
        Field<NonNullGraphType<IntGraphType>>("images").ResolveSource(s => s.Closure.CountOf(NodeKind.Image));
        Field<NonNullGraphType<IntGraphType>>("deployments").ResolveSource(s => s.Closure.CountOf(NodeKind.Deployment));
        Field<NonNullGraphType<IntGraphType>>("suppressed").ResolveSource(s => s.Suppressed.Count);
    }
}

internal sealed class AffectedPackageType : ObjectGraphType<AffectedPackageModel>
{
    public AffectedPackageType()
    {
        Name = "AffectedPackage";
        Field<NonNullGraphType<NodeInterface>>("node").ResolveSource(s => s.Node);
        Field<NonNullGraphType<StringGraphType>>("version").ResolveSource(s => s.Version);
        Field<NonNullGraphType<StringGraphType>>("vulnerability").Description("The advisory id whose claim matched.").ResolveSource(s => s.Match.Entry.Vulnerability);
        Field<NonNullGraphType<StringGraphType>>("explanation").Description("The range or list that matched, e.g. `2.14.1 in [2.13.0, 2.15.0) (ECOSYSTEM range 1)`.").ResolveSource(s => s.Match.Explanation);
        Field<StringGraphType>("fixedVersion").ResolveSource(s => s.Match.FixedVersion);
        Field<NodeInterface>("advisory").Description("The advisory document.").ResolveSource(s => s.Advisory);
    }
}

internal sealed class SuppressedType : ObjectGraphType<SuppressedModel>
{
    public SuppressedType()
    {
        Name = "Suppressed";
        Field<NonNullGraphType<NodeInterface>>("node").ResolveSource(s => s.Node);
        Field<NonNullGraphType<IntGraphType>>("depth").ResolveSource(s => s.Depth);
        Field<NonNullGraphType<BooleanGraphType>>("direct").Description("True when the node is the VEX product itself; false when reached only through it.").ResolveSource(s => s.Direct);
        Field<NonNullGraphType<NodeInterface>>("product").ResolveSource(s => s.Product);
        Field<NonNullGraphType<StringGraphType>>("status").ResolveSource(s => s.Statement.Claim.Status.ToWireName());
        Field<StringGraphType>("justification").ResolveSource(s => s.Statement.Claim.Justification);
        Field<StringGraphType>("impactStatement").ResolveSource(s => s.Statement.Claim.ImpactStatement);
        Field<NonNullGraphType<StringGraphType>>("issuer").ResolveSource(s => s.Statement.Claim.Issuer);
        Field<NodeInterface>("document").ResolveSource(s => s.Document);
    }
}

internal sealed class RankedDeploymentConnectionType : ObjectGraphType<ConnectionModel>
{
    public RankedDeploymentConnectionType()
    {
        Name = "RankedDeploymentConnection";
        Description = "Affected deployments, most urgent first: environment, exposure, replicas, severity, fix available.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").ResolveSource(s => s.TotalCount);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").ResolveSource(s => s);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RankedDeploymentEdgeType>>>>("edges").ResolveSource(s => s.Edges);
    }
}

internal sealed class RankedDeploymentEdgeType : ObjectGraphType<EdgeModel>
{
    public RankedDeploymentEdgeType()
    {
        Name = "RankedDeploymentEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").ResolveSource(s => s.Cursor);
        Field<NonNullGraphType<IntGraphType>>("rank").ResolveSource(s => Item(s).Rank);
        Field<NonNullGraphType<NodeInterface>>("node").ResolveSource(s => Item(s).Hit.Node);
        Field<NonNullGraphType<StringGraphType>>("environment").ResolveSource(s => Item(s).Deployment.Environment);
        Field<NonNullGraphType<StringGraphType>>("cluster").ResolveSource(s => Item(s).Deployment.Cluster);
        Field<NonNullGraphType<StringGraphType>>("exposure").ResolveSource(s => Item(s).Deployment.Exposure);
        Field<NonNullGraphType<IntGraphType>>("replicas").ResolveSource(s => Item(s).Deployment.Replicas);
        Field<NodeInterface>("image").ResolveSource(s => Item(s).Image);
        Field<NonNullGraphType<NodeInterface>>("package").Description("The affected package the path leads to.").ResolveSource(s => Item(s).Package);
        Field<StringGraphType>("fixedVersion").ResolveSource(s => Item(s).Deployment.FixedVersion);
        Field<NonNullGraphType<IntGraphType>>("depth").ResolveSource(s => Item(s).Hit.Depth);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathStepType>>>>("path").ResolveSource(s => Item(s).Hit.Path);
    }

    private static RankedDeploymentModel Item(EdgeModel edge) => (RankedDeploymentModel)edge.Item;
}
