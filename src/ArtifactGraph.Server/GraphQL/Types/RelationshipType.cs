using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>An edge of the graph with the documents that assert it (provenance).</summary>
internal sealed class RelationshipType : ObjectGraphType<RelationshipModel>
{
    public RelationshipType()
    {
        Name = "Relationship";
        Description = "An edge of the graph: `from` uses `to`. Stored once, with every document asserting it.";
        Field<NonNullGraphType<EdgeKindEnum>>("kind").ResolveSource(s => s.Kind);
        Field<NonNullGraphType<NodeInterface>>("from").ResolveSource(s => s.From);
        Field<NonNullGraphType<NodeInterface>>("to").ResolveSource(s => s.To);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DocumentType>>>>("documents")
            .Description("The documents asserting this edge, oldest first, current or superseded.")
            .Resolve(c => Provenance.Documents(c.Request(), c.Source.Kind, c.Source.From, c.Source.To));
    }
}
