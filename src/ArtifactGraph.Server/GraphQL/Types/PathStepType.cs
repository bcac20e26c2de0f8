using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

internal sealed class PathStepType : ObjectGraphType<PathStepModel>
{
    public PathStepType()
    {
        Name = "PathStep";
        Description = "One step of an explanation path. Every step but the first names the edge joining it to the previous step.";
        Field<NonNullGraphType<NodeInterface>>("node").ResolveSource(s => s.Node);
        Field<EdgeKindEnum>("edge").Description("The kind of the edge from the previous step; null on the first step.").ResolveSource(s => s.Edge);
        Field<PathDirectionEnum>("direction").Description("Null on the first step.")
            .ResolveSource(s => s.Edge is null ? null : s.Forward ? PathDirection.Forward : PathDirection.Backward);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DocumentType>>>>("documents")
            .Description("The documents asserting this step's edge, oldest first; empty on the first step.")
            .Resolve(c => c.Source is { Edge: { } edge, Previous: { } previous }
                ? Provenance.Documents(c.Request(), edge, c.Source.Forward ? previous : c.Source.Node, c.Source.Forward ? c.Source.Node : previous)
                : []);
    }
}
