using ArtifactGraph.Core.Graph;
using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

internal sealed class ImageContentConnectionType() : ConnectionType<ImageContentEdgeType>("ImageContentConnection", "image contents");

internal sealed class ImageContentEdgeType : ObjectGraphType<EdgeModel>
{
    public ImageContentEdgeType()
    {
        Name = "ImageContentEdge";
        Description = "One thing the image contains, with its depth below the image.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => Item(c.Source).Node);
        Field<NonNullGraphType<IntGraphType>>("depth").Resolve(c => Item(c.Source).Depth);
        Field<NonNullGraphType<BooleanGraphType>>("direct").Description("Depth 1: the image's SBOM lists it directly.").Resolve(c => Item(c.Source).Depth == 1);
    }

    private static ClosureHitModel Item(EdgeModel edge) => (ClosureHitModel)edge.Item;
}

internal sealed class ImageDeploymentConnectionType() : ConnectionType<ImageDeploymentEdgeType>("ImageDeploymentConnection", "deployments running the image");

internal sealed class ImageDeploymentEdgeType : ObjectGraphType<EdgeModel>
{
    public ImageDeploymentEdgeType()
    {
        Name = "ImageDeploymentEdge";
        Description = "A deployment running the image, with where and how widely.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => Item(c.Source).Node);
        Field<NonNullGraphType<StringGraphType>>("environment").Description("`unknown` when the inventory does not say.").Resolve(c => Environment(Item(c.Source).Report, Item(c.Source).Node.Id));
        Field<NonNullGraphType<StringGraphType>>("cluster").Description("`unknown` when the inventory does not say.")
            .Resolve(c => DeploymentProperties.ClusterOf(Properties(c.Source)));
        Field<IntGraphType>("replicas").Resolve(c => DeploymentProperties.ReplicasOf(Properties(c.Source)));
        Field<StringGraphType>("exposure").Description("internet, internal ... as the inventory records it.").Resolve(c => Properties(c.Source).GetValueOrDefault(DeploymentProperties.Exposure));
        Field<NonNullGraphType<IntGraphType>>("depth").Description("1: RUNS the image by digest; 2: through a tag reference that resolves to it.").Resolve(c => Item(c.Source).Depth);
    }

    public static string Environment(ImageReportModel model, int node) =>
        Core.Graph.DeploymentProperties.EnvironmentOf(model.DeploymentProperties(node));

    private static IReadOnlyDictionary<string, string> Properties(EdgeModel edge) => Item(edge).Report.DeploymentProperties(Item(edge).Node.Id);

    private static ImageDeploymentModel Item(EdgeModel edge) => (ImageDeploymentModel)edge.Item;
}

internal sealed class ImageVulnerabilityConnectionType() : ConnectionType<ImageVulnerabilityEdgeType>("ImageVulnerabilityConnection", "advisory findings in the image");

internal sealed class ImageVulnerabilityEdgeType() : EdgeType<ImageVulnerabilityType>("ImageVulnerabilityEdge", "finding");
