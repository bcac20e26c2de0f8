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
        Field<NonNullGraphType<EdgeKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<NodeInterface>>("from").Resolve(c => c.Source.From);
        Field<NonNullGraphType<NodeInterface>>("to").Resolve(c => c.Source.To);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DocumentType>>>>("documents")
            .Description("The documents asserting this edge, oldest first, current or superseded.")
            .Resolve(c => Provenance.Documents(c.Request(), c.Source.Kind, c.Source.From, c.Source.To));
    }
}
