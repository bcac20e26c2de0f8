using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL.Models;
using ArtifactGraph.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Queries;

/// <summary><c>node(id)</c>, <c>nodes(ids)</c>, <c>nodeByKey(kind, key)</c>.</summary>
internal static class NodeQueries
{
    public static void Add(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("The node with this global id, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .RequireRole(ApiKeyRole.Reader)
            .Resolve(c => Find(c.Request(), c.GetArgument<string>("id")));
        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description("The nodes with these global ids, in order; null for each unknown id.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .RequireRole(ApiKeyRole.Reader)
            .Resolve(c => c.GetArgument<List<string>>("ids").Select(id => Find(c.Request(), id)).ToList());
        query.Field<NodeInterface>("nodeByKey")
            .Description("The node of this kind with this canonical key (purl, digest, id ...), or null.")
            .Argument<NonNullGraphType<NodeKindEnum>>("kind")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .RequireRole(ApiKeyRole.Reader)
            .Resolve(c => Find(c.Request(), c.GetArgument<NodeKind>("kind"), c.GetArgument<string>("key")));
    }

    private static NodeModel? Find(RequestContext request, string id) =>
        GlobalIds.TryDecode(id, out var kind, out var key) ? Find(request, kind, key) : null;

    private static NodeModel? Find(RequestContext request, NodeKind kind, string key)
    {
        if (request.Index.TryFind(kind, key, out var node))
        {
            return new NodeModel(request.Index, node);
        }

        // A stored document is a node even before (or without) its node in the snapshot.
        return kind == NodeKind.Document && key.StartsWith(NodeModel.DocumentKeyPrefix, StringComparison.Ordinal)
            && request.Document(key[NodeModel.DocumentKeyPrefix.Length..]) is { } document
            ? new NodeModel(request.Index, document)
            : null;
    }
}
