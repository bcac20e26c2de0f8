using ArtifactGraph.Core.Graph;
using ArtifactGraph.Server.GraphQL.Models;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>The fields every node has, declared once for the Node interface and each node type.</summary>
internal static class NodeFields
{
    private const string IdText = "Global id: base64url of \"Kind:key\"; stable across snapshots.";
    private const string KeyText = "The canonical identity: purl, digest, vulnerability id, document sha256:...";
    private const string NameText = "The display name, when the documents give one.";
    private const string PropertiesText = "Properties recorded by the documents, sorted by key.";
    private const string PropertyText = "One property's value, or null.";
    private const string OutgoingText = "Edges leaving this node: the things it uses.";
    private const string IncomingText = "Edges arriving at this node: the things that use it.";

    /// <summary>The Node interface's fields (declarations only: interfaces have no resolvers).</summary>
    public static void Declare(InterfaceGraphType<NodeModel> type)
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Description(IdText);
        type.Field<NonNullGraphType<NodeKindEnum>>("kind");
        type.Field<NonNullGraphType<StringGraphType>>("key").Description(KeyText);
        type.Field<StringGraphType>("name").Description(NameText);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PropertyType>>>>("properties").Description(PropertiesText);
        type.Field<StringGraphType>("property").Description(PropertyText).Argument<NonNullGraphType<StringGraphType>>("key");
        foreach (var (name, text) in new[] { ("outgoing", OutgoingText), ("incoming", IncomingText) })
        {
            type.Field<NonNullGraphType<RelationshipConnectionType>>(name)
                .Description(text)
                .Argument<ListGraphType<NonNullGraphType<EdgeKindEnum>>>("kinds", "Only edges of these kinds.")
                .Argument<IntGraphType>("first")
                .Argument<StringGraphType>("after");
        }
    }

    /// <summary>The same fields with their resolvers, on each node object type.</summary>
    public static void Add(ObjectGraphType<NodeModel> type)
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Description(IdText).ResolveSource(s => s.GlobalId);
        type.Field<NonNullGraphType<NodeKindEnum>>("kind").ResolveSource(s => s.Kind);
        type.Field<NonNullGraphType<StringGraphType>>("key").Description(KeyText).ResolveSource(s => s.Key);
        type.Field<StringGraphType>("name").Description(NameText).ResolveSource(s => s.Name);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PropertyType>>>>("properties")
            .Description(PropertiesText)
            .Resolve(c => Properties(c).OrderBy(p => p.Key, StringComparer.Ordinal).ToList());
        type.Field<StringGraphType>("property")
            .Description(PropertyText)
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Resolve(c => Properties(c).GetValueOrDefault(c.GetArgument<string>("key")));
        AddEdges(type, "outgoing", OutgoingText, outgoing: true);
        AddEdges(type, "incoming", IncomingText, outgoing: false);
    }

    private static void AddEdges(ObjectGraphType<NodeModel> type, string name, string description, bool outgoing) =>
        type.Field<NonNullGraphType<RelationshipConnectionType>>(name)
            .Description(description)
            .Argument<ListGraphType<NonNullGraphType<EdgeKindEnum>>>("kinds", "Only edges of these kinds.")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Resolve(c => Edges(c, outgoing));

    private static ConnectionModel Edges(IResolveFieldContext<NodeModel> context, bool outgoing)
    {
        var node = context.Source;
        if (node.Id < 0)
        {
            return Paging.Slice(context, 0, _ => throw new InvalidOperationException());
        }

        var span = outgoing ? node.Index.Outgoing(node.Id) : node.Index.Incoming(node.Id);
        var kinds = context.GetArgument<List<EdgeKind>?>("kinds");
        var positions = new List<int>(span.Count);
        for (var i = 0; i < span.Count; i++)
        {
            if (kinds is null || kinds.Contains(span.Kind(i)))
            {
                positions.Add(i);
            }
        }

        return Paging.Slice(context, positions.Count, i =>
        {
            var at = positions[i];
            var other = new NodeModel(node.Index, span.Target(at));
            return outgoing ? new RelationshipModel(span.Kind(at), node, other) : new RelationshipModel(span.Kind(at), other, node);
        });
    }

    private static IReadOnlyDictionary<string, string> Properties(IResolveFieldContext<NodeModel> context)
    {
        var node = context.Source;
        if (node.Kind == NodeKind.Document && DocumentType.Summary(context) is { } document)
        {
            return document.Properties;
        }

        return context.Request().Store.GetNodeProperties([node.Ref]).GetValueOrDefault(node.Ref) ?? new Dictionary<string, string>();
    }
}
