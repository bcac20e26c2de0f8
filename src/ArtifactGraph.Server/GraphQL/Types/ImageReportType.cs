using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Server.GraphQL.Models;
using ArtifactGraph.Server.GraphQL.Queries;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>The answer of <c>image</c>: the CLI's <c>image --json</c> for one image, with its lists paged.</summary>
internal sealed class ImageReportType : ObjectGraphType<ImageReportModel>
{
    public ImageReportType()
    {
        Name = "ImageReport";
        Description = "What one image is: contents, base images, where it runs, vulnerabilities after VEX, how it was built (artifactgraph image).";
        Field<NonNullGraphType<ImageType>>("image").ResolveSource(s => s.Image);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags")
            .Description("The references it is known by, canonical (registry/repository:tag), sorted: its name as SBOMs write it, and tag-only references (inventories) that resolve to it. The same as ImageRisk.tags.")
            .ResolveSource(s => ImageTagResolver.TagsOf(s.Request.Index, s.Report.Image));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("baseImages").Description("BASED_ON, nearest first.")
            .ResolveSource(s => s.Report.BaseChain.Select(n => new NodeModel(s.Request.Index, n)).ToList());
        Field<NonNullGraphType<ImageContentConnectionType>>("contents")
            .Description("Everything it contains, directly (depth 1) and transitively, through its base images too; in the CLI's order.")
            .Argument<ListGraphType<NonNullGraphType<NodeKindEnum>>>("kinds", "Only contents of these kinds (counts and pages are of the filtered contents).")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Resolve(Contents);
        Field<NonNullGraphType<ImageDeploymentConnectionType>>("deployments")
            .Description("The deployments running it (depth 1: RUNS it by digest; 2: through a tag reference).")
            .Argument<StringGraphType>("environment", "Only deployments in this environment.")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Resolve(Deployments);
        Field<NonNullGraphType<ImageVulnerabilityConnectionType>>("vulnerabilities")
            .Description("Advisory findings on its packages that VEX did not take out (every finding when ignoreVex).")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Resolve(c => Findings(c, c.Source.Vulnerabilities));
        Field<NonNullGraphType<ImageVulnerabilityConnectionType>>("suppressed")
            .Description("Findings a VEX statement took out (not_affected / fixed on the image or on what the package is reached through); empty when ignoreVex.")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Resolve(c => Findings(c, c.Source.Suppressed));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipType>>>>("provenance")
            .Description("The Image node's own BUILT_BY / BUILT_FROM edges with the documents asserting each, as the CLI lists them; `build` tells the whole story.")
            .ResolveSource(s => s.Report.Provenance.Select(e => new RelationshipModel(e.Kind, new NodeModel(s.Request.Index, e.From), new NodeModel(s.Request.Index, e.To))).ToList());
        Field<NonNullGraphType<ProvenanceReportType>>("build")
            .Description("provenance(subject) for the image's digest: attestations usually name the digest's Artifact, whose edges `provenance` above (the Image node's own) does not list.")
            .ResolveSource(s => ImageQueries.Build(s));
        Field<NonNullGraphType<BooleanGraphType>>("vexApplied").ResolveSource(s => !s.IgnoreVex);
        Field<NonNullGraphType<ImageCountsType>>("counts").ResolveSource(s => s);
    }

    private static ConnectionModel Contents(IResolveFieldContext<ImageReportModel> context)
    {
        var (contents, index) = (context.Source.Report.Contents, context.Source.Request.Index);
        var kinds = context.GetArgument<List<NodeKind>?>("kinds");
        var positions = Enumerable.Range(0, contents.Count).Where(i => kinds is null || kinds.Contains(index.KindOf(contents.NodeAt(i)))).ToList();
        return Paging.Slice(context, positions.Count, i => new ClosureHitModel(new NodeModel(index, contents.NodeAt(positions[i])), contents.DepthAt(positions[i]), []));
    }

    private static ConnectionModel Deployments(IResolveFieldContext<ImageReportModel> context)
    {
        var model = context.Source;
        var runsIn = model.Report.RunsIn;
        var environment = context.GetArgument<string?>("environment");
        var positions = model.DeploymentPositions()
            .Where(i => environment is null || string.Equals(ImageDeploymentEdgeType.Environment(model, runsIn.NodeAt(i)), environment, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return Paging.Slice(context, positions.Count, i => new ImageDeploymentModel(new NodeModel(model.Request.Index, runsIn.NodeAt(positions[i])), runsIn.DepthAt(positions[i]), model));
    }

    private static ConnectionModel Findings(IResolveFieldContext<ImageReportModel> context, IReadOnlyList<Core.Queries.Images.ImageVulnerability> findings) =>
        Paging.Slice(context, findings.Count, i => new ImageVulnerabilityModel(findings[i], context.Source));
}

internal sealed class ImageCountsType : ObjectGraphType<ImageReportModel>
{
    public ImageCountsType()
    {
        Name = "ImageCounts";
        Field<NonNullGraphType<IntGraphType>>("contents").ResolveSource(s => s.Report.Contents.Count);
        Field<NonNullGraphType<IntGraphType>>("direct").Description("Contents at depth 1.")
            .ResolveSource(s => Enumerable.Range(0, s.Report.Contents.Count).Count(i => s.Report.Contents.DepthAt(i) == 1));
        Field<NonNullGraphType<IntGraphType>>("deployments").ResolveSource(s => s.DeploymentPositions().Count);
        Field<NonNullGraphType<IntGraphType>>("vulnerabilities").ResolveSource(s => s.Vulnerabilities.Count);
        Field<NonNullGraphType<IntGraphType>>("suppressed").ResolveSource(s => s.Suppressed.Count);
    }
}
