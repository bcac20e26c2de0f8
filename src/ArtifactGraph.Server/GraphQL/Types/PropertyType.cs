using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>A node or document property (namespaced by format, e.g. <c>cdx:description</c>).</summary>
internal sealed class PropertyType : ObjectGraphType<KeyValuePair<string, string>>
{
    public PropertyType()
    {
        Name = "Property";
        Description = "A property recorded by the documents (namespaced by format, e.g. cdx:description).";
        Field<NonNullGraphType<StringGraphType>>("key").ResolveSource(s => s.Key);
        Field<NonNullGraphType<StringGraphType>>("value").ResolveSource(s => s.Value);
    }
}
