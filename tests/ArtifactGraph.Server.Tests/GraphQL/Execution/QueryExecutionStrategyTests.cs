using System.Text;
using System.Text.Json;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.Auth;
using ArtifactGraph.Server.Endpoints;
using ArtifactGraph.Server.GraphQL;
using ArtifactGraph.Server.GraphQL.Execution;
using ArtifactGraph.Server.Operations;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArtifactGraph.Server.Tests.GraphQL.Execution;

/// <summary>
/// The server's execution (serial strategy with field plans, its result converter, the synchronous
/// serialiser) answers every query in Fixtures/queries byte for byte as GraphQL.NET's defaults do
/// (parallel strategy, its own converter, SerializeAsync) on the same schema and snapshot; twice, so the
/// second execution runs on the kept plans. Fragments, merged fields, aliases, directives, several
/// object types under one interface selection and a field error are among the fixtures.
/// </summary>
public sealed class QueryExecutionStrategyTests(QueryExecutionStrategyTests.Uncached server) : IClassFixture<QueryExecutionStrategyTests.Uncached>
{
    public static TheoryData<string> Queries() => [.. QueryFixtures.Cases()];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Post_FixtureQuery_SameBytesAsGraphQLNetDefaults(string name)
    {
        var (query, variables) = QueryFixtures.Read(name);
        var expected = await DefaultsAsync(query, variables);

        var first = await PostAsync(query, variables);
        var second = await PostAsync(query, variables);

        Assert.Equal(expected, first);
        Assert.Equal(expected, second);
        Assert.Equal(!QueryFixtures.IsRejected(name), first.Contains("\"data\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Of_DocumentWithADirective_NotPlanned()
    {
        var builder = new GraphQLDocumentBuilder();

        var plain = FieldPlans.Of(builder.Build(QueryFixtures.Read("fragments-and-merged-fields").Query));
        var directed = FieldPlans.Of(builder.Build(QueryFixtures.Read("include-and-skip").Query));

        Assert.True(plain.Plain);
        Assert.False(directed.Plain);
    }

    [Fact]
    public void Add_MergedField_NotKept()
    {
        var document = new GraphQLDocumentBuilder().Build("{ stats { documents } }");
        var plans = FieldPlans.Of(document);
        var selections = ((GraphQLOperationDefinition)document.Definitions[0]).SelectionSet;
        var schema = server.Server.Services.GetRequiredService<ArtifactGraphSchema>();
        var stats = schema.Query.GetField("stats")!;
        var foreign = new GraphQLField(new GraphQLName("stats"));

        var kept = plans.Add(selections, schema.Query, new() { ["stats"] = ((GraphQLField)selections.Selections[0], stats) });
        var merged = plans.Add(selections, new ArtifactGraphSchema().Query, new() { ["stats"] = (foreign, stats) });

        Assert.NotNull(kept);
        Assert.Null(merged);
        Assert.True(plans.TryGet(selections, schema.Query, out var again) && ReferenceEquals(kept, again));
    }

    private async Task<string> PostAsync(string query, string? variables)
    {
        using var client = server.Server.Client();
        var body = "{\"query\":" + JsonSerializer.Serialize(query) + (variables is null ? string.Empty : ",\"variables\":" + variables) + "}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd(GraphQLEndpoint.GraphQLResponseJson);
        using var response = await client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The same request through GraphQL.NET's DocumentExecuter and GraphQLSerializer with their defaults.</summary>
    private async Task<string> DefaultsAsync(string query, string? variables)
    {
        var services = server.Server.Services;
        var serializer = new GraphQLSerializer();
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = services.GetRequiredService<ArtifactGraphSchema>(),
            Query = query,
            Variables = variables is null ? null : serializer.Deserialize<Inputs>(variables),
            UserContext = new RequestContext
            {
                Index = services.GetRequiredService<GraphIndexHolder>().Current,
                Store = services.GetRequiredService<IGraphStore>(),
                Caller = new Caller(ApiKeyRole.Reader, "test"),
                Options = services.GetRequiredService<IOptions<ServerOptions>>().Value,
                Ingestion = services.GetRequiredService<DocumentIngestion>(),
            },
            RequestServices = services,
        });
        using var bytes = new MemoryStream();
        await serializer.WriteAsync(bytes, result);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>A server whose every request executes (response cache off).</summary>
    public sealed class Uncached : IDisposable
    {
        public ServerFixture Server { get; } = new(new Dictionary<string, string?> { ["Server:ResponseCacheEnabled"] = "false" });

        public void Dispose() => Server.Dispose();
    }
}
