using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>A Relay connection over <typeparamref name="TEdge"/>: totalCount, pageInfo, edges.</summary>
internal abstract class ConnectionType<TEdge> : ObjectGraphType<ConnectionModel>
    where TEdge : IGraphType
{
    protected ConnectionType(string name, string items)
    {
        Name = name;
        Description = $"A page of {items} (Relay connection).";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description($"The number of {items} over all pages.").ResolveSource(s => s.TotalCount);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").ResolveSource(s => s);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdge>>>>("edges").ResolveSource(s => s.Edges);
    }
}

/// <summary>A Relay edge whose node is the item itself.</summary>
internal abstract class EdgeType<TNode> : ObjectGraphType<EdgeModel>
    where TNode : IGraphType
{
    protected EdgeType(string name, string item)
    {
        Name = name;
        Description = $"One {item} of a page, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").ResolveSource(s => s.Cursor);
        Field<NonNullGraphType<TNode>>("node").ResolveSource(s => s.Item);
    }
}

internal sealed class NodeConnectionType() : ConnectionType<NodeEdgeType>("NodeConnection", "nodes");

internal sealed class NodeEdgeType() : EdgeType<NodeInterface>("NodeEdge", "node");

internal sealed class DocumentConnectionType() : ConnectionType<DocumentEdgeType>("DocumentConnection", "documents");

internal sealed class DocumentEdgeType() : EdgeType<DocumentType>("DocumentEdge", "document");

internal sealed class RelationshipConnectionType() : ConnectionType<RelationshipEdgeType>("RelationshipConnection", "relationships");

internal sealed class RelationshipEdgeType() : EdgeType<RelationshipType>("RelationshipEdge", "relationship");
