using ArtifactGraph.Core.Queries.Risk;
using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>The fleet's risky images (<c>artifactgraph risk --json</c>), riskiest first, paged.</summary>
internal sealed class RiskReportType : ObjectGraphType<RiskModel>
{
    public RiskReportType()
    {
        Name = "RiskReport";
        Description = "Images with supply-chain risk: no provenance, provenance that did not verify, a source with a low or no Scorecard. Riskiest first: more signals, then more deployments, then by digest.";
        Field<NonNullGraphType<FloatGraphType>>("minScore").Description("Sources scoring below this are a risk.").ResolveSource(s => s.Report.Options.MinScore);
        Field<NonNullGraphType<BooleanGraphType>>("runningOnly").Description("Only images some deployment runs were checked.").ResolveSource(s => s.Report.Options.RunningOnly);
        Field<NonNullGraphType<IntGraphType>>("checked").Description("How many images were checked.").ResolveSource(s => s.Report.Checked);
        Field<NonNullGraphType<ImageRiskConnectionType>>("images")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Resolve(c => Paging.Slice(c, c.Source.Report.Images.Count, i => new ImageRiskModel(c.Source, c.Source.Report.Images[i])));
    }
}

internal sealed class ImageRiskType : ObjectGraphType<ImageRiskModel>
{
    public ImageRiskType()
    {
        Name = "ImageRisk";
        Description = "One risky image: its tags, the deployments running it, and why it is risky.";
        Field<NonNullGraphType<NodeInterface>>("image").ResolveSource(s => s.Node);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags")
            .Description("The references it is known by, canonical and sorted: the same as ImageReport.tags.").ResolveSource(s => s.Risk.Tags);
        Field<NonNullGraphType<IntGraphType>>("deployments").Description("Deployments running it, directly or by a tag.").ResolveSource(s => s.Risk.Deployments);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("environments").ResolveSource(s => s.Risk.Environments);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RiskSignalType>>>>("signals").ResolveSource(s => s.Risk.Signals);
    }
}

internal sealed class RiskSignalType : ObjectGraphType<RiskSignal>
{
    public RiskSignalType()
    {
        Name = "RiskSignal";
        Description = "One reason an image is risky.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("no-provenance, unverified-provenance, low-scorecard or no-scorecard.").ResolveSource(s => s.Code);
        Field<NonNullGraphType<StringGraphType>>("detail").ResolveSource(s => s.Detail);
    }
}

internal sealed class ImageRiskConnectionType() : ConnectionType<ImageRiskEdgeType>("ImageRiskConnection", "risky images");

internal sealed class ImageRiskEdgeType() : EdgeType<ImageRiskType>("ImageRiskEdge", "risky image");
