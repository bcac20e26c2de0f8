using ArtifactGraph.Server.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>
/// A field declared with ResolveSource offers its read of the parent value to the server's own executor,
/// returning what its resolver returns; a field whose resolver middleware replaced (the role check, or any
/// other) offers none, so nothing a middleware guards is ever read around it.
/// </summary>
public sealed class SourceResolversTests
{
    [Fact]
    public async Task ASourceField_OffersItsRead_AndItEqualsTheResolver()
    {
        var item = Field(Initialized(), "key");
        var read = SourceResolvers.ReadOf(item);
        Assert.NotNull(read);
        Assert.Equal("k-1", read(new Item("k-1")));
        Assert.Equal("k-1", await item.Resolver!.ResolveAsync(new ResolveFieldContext { Source = new Item("k-1") }));
    }

    [Theory]
    [InlineData("guarded")]
    [InlineData("plain")]
    public void AFieldWithMiddleware_OrAnOrdinaryResolver_OffersNone(string name) =>
        Assert.Null(SourceResolvers.ReadOf(Field(Initialized(), name)));

    [Fact]
    public void InTheLiveSchema_NoRoleCheckedField_OffersARead()
    {
        var schema = new ArtifactGraphSchema();
        schema.Initialize();
        var roots = new[] { schema.Query, schema.Mutation }.OfType<IObjectGraphType>().SelectMany(t => t.Fields).ToList();
        Assert.NotEmpty(roots);
        Assert.All(roots, field => Assert.Null(SourceResolvers.ReadOf(field)));

        // …while the fields a blast-radius page is made of do.
        var node = (IObjectGraphType)schema.AllTypes["Image"]!;
        Assert.NotNull(SourceResolvers.ReadOf(node.GetField("key")!));
    }

    private static Schema Initialized()
    {
        var schema = new Schema { Query = new RootType() };
        schema.Initialize();
        return schema;
    }

    private static FieldType Field(Schema schema, string name) => ((IObjectGraphType)schema.AllTypes["Item"]!).GetField(name)!;

    private sealed record Item(string Key);

    private sealed class ItemType : ObjectGraphType<Item>
    {
        public ItemType()
        {
            Name = "Item";
            Field<StringGraphType>("key").ResolveSource(s => s.Key);
            Field<StringGraphType>("guarded").ResolveSource(s => s.Key).ApplyMiddleware(next => context => next(context));
            Field<StringGraphType>("plain").Resolve(c => c.Source.Key);
        }
    }

    private sealed class RootType : ObjectGraphType
    {
        public RootType()
        {
            Name = "Query";
            Field<ItemType>("item").Resolve(_ => new Item("k"));
        }
    }
}
