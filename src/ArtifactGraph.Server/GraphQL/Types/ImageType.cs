using ArtifactGraph.Core.Graph;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

internal sealed class ImageType : NodeObjectType
{
    private const string RefPrefix = "ref:";

    public ImageType()
        : base(NodeKind.Image, "An OCI image, identified by digest (a tag is an attribute that moves).")
    {
        Field<StringGraphType>("digest").Description("The image digest; null while only a reference (ref:repository:tag) is known.")
            .ResolveSource(s => s.Key.StartsWith(RefPrefix, StringComparison.Ordinal) ? null : s.Key);
        Field<StringGraphType>("reference").Description("repository:tag as the documents write it.").ResolveSource(s => s.Name);
    }
}
