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
        Field<NonNullGraphType<StringGraphType>>("cursor").ResolveSource(s => s.Cursor);
        Field<NonNullGraphType<NodeInterface>>("node").ResolveSource(s => Item(s).Node);
        Field<NonNullGraphType<IntGraphType>>("depth").ResolveSource(s => Item(s).Depth);
        Field<NonNullGraphType<BooleanGraphType>>("direct").Description("Depth 1: the image's SBOM lists it directly.").ResolveSource(s => Item(s).Depth == 1);
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
        Field<NonNullGraphType<StringGraphType>>("cursor").ResolveSource(s => s.Cursor);
        Field<NonNullGraphType<NodeInterface>>("node").ResolveSource(s => Item(s).Node);
        Field<NonNullGraphType<StringGraphType>>("environment").Description("`unknown` when the inventory does not say.").ResolveSource(s => Environment(Item(s).Report, Item(s).Node.Id));
        Field<NonNullGraphType<StringGraphType>>("cluster").Description("`unknown` when the inventory does not say.")
            .ResolveSource(s => DeploymentProperties.ClusterOf(Properties(s)));
        Field<IntGraphType>("replicas").ResolveSource(s => DeploymentProperties.ReplicasOf(Properties(s)));
        Field<StringGraphType>("exposure").Description("internet, internal ... as the inventory records it.").ResolveSource(s => Properties(s).GetValueOrDefault(DeploymentProperties.Exposure));
        Field<NonNullGraphType<IntGraphType>>("depth").Description("1: RUNS the image by digest; 2: through a tag reference that resolves to it.").ResolveSource(s => Item(s).Depth);
    }

    public static string Environment(ImageReportModel model, int node) =>
        Core.Graph.DeploymentProperties.EnvironmentOf(model.DeploymentProperties(node));

    private static IReadOnlyDictionary<string, string> Properties(EdgeModel edge) => Item(edge).Report.DeploymentProperties(Item(edge).Node.Id);

    private static ImageDeploymentModel Item(EdgeModel edge) => (ImageDeploymentModel)edge.Item;
}

internal sealed class ImageVulnerabilityConnectionType() : ConnectionType<ImageVulnerabilityEdgeType>("ImageVulnerabilityConnection", "advisory findings in the image");

internal sealed class ImageVulnerabilityEdgeType() : EdgeType<ImageVulnerabilityType>("ImageVulnerabilityEdge", "finding");
