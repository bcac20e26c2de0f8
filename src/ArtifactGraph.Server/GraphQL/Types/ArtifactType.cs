using ArtifactGraph.Core.Graph;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

internal sealed class ArtifactType : NodeObjectType
{
    public ArtifactType()
        : base(NodeKind.Artifact, "A file, binary or archive known by its content digest.")
    {
        Field<NonNullGraphType<StringGraphType>>("digest").Description("algorithm:lowerhex").ResolveSource(s => s.Key);
        Field<NonNullGraphType<StringGraphType>>("algorithm").ResolveSource(s => s.Key.Split(':')[0]);
    }
}
