using System.Net.Http.Headers;
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
using GraphQLParser.AST;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArtifactGraph.Server.Tests.GraphQL.Execution;

/// <summary>
/// The server's own executor answers byte for byte as GraphQL.NET does: every query of Fixtures/queries is
/// posted to two servers over one database, one with Server:FastExecution on and one with it off (response
/// cache off on both, so every request executes), and the plain ones (no variables, no directives, no
/// error) must have taken the fast path; errors, refused fields, directives, mutations and timeouts fall
/// back to GraphQL.NET with the same status and bytes.
/// </summary>
public sealed class FastExecutorTests(FastExecutorTests.Pair servers) : IClassFixture<FastExecutorTests.Pair>
{
    public static TheoryData<string> Queries() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "queries"), "*.graphql").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    private GraphQLRunner Runner => servers.Fast.Services.GetRequiredService<GraphQLRunner>();

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Post_FixtureQuery_SameBytesWithFastExecutionOnAndOff(string name)
    {
        var (query, variables) = Read(name);
        var before = Runner.FastExecutions;

        var off = await PostAsync(servers.Slow, query, variables);
        var first = await PostAsync(servers.Fast.Factory, query, variables);
        var second = await PostAsync(servers.Fast.Factory, query, variables);

        Assert.Equal(off, first);
        Assert.Equal(off, second);

        // The first request validates the document through GraphQL.NET; the second runs the plan, unless the
        // operation is one plans leave to GraphQL.NET (variables, directives) or its answer has an error.
        var plain = variables is null && FieldPlans.Of(new GraphQLDocumentBuilder().Build(query)).Plain && !off.Body.Contains("\"errors\"", StringComparison.Ordinal);
        Assert.Equal(plain ? 1 : 0, Runner.FastExecutions - before);
        Assert.Equal(0, servers.Slow.Services.GetRequiredService<GraphQLRunner>().FastExecutions);
    }

    [Fact]
    public async Task Post_Mutation_SameBytesAndNotFast()
    {
        const string Mutation = "mutation { ingestDocument(content: \"{}\") { documents { ingested } } }";
        var before = Runner.FastExecutions;

        foreach (var role in new[] { "reader", "ingester" })
        {
            var key = servers.Fast.CreateKey(role);
            var off = await PostAsync(servers.Slow, Mutation, null, key);
            var first = await PostAsync(servers.Fast.Factory, Mutation, null, key);
            var second = await PostAsync(servers.Fast.Factory, Mutation, null, key);

            Assert.Equal(off, first);
            Assert.Equal(off, second);
        }

        Assert.Equal(before, Runner.FastExecutions);
    }

    [Fact]
    public async Task Post_ExecutionTimedOut_Same504AndNotFast()
    {
        const string Query = "{ stats { documents indexNodes } }";
        var settings = new Dictionary<string, string?> { ["Server:ResponseCacheEnabled"] = "false", ["Server:ExecutionTimeout"] = "00:00:00.300" };
        using var fast = servers.Fast.StartAnother(settings);
        using var slow = servers.Fast.StartAnother(new(settings) { ["Server:FastExecution"] = "false" });
        var runner = fast.Services.GetRequiredService<GraphQLRunner>();
        Assert.Equal(200, (await PostAsync(fast, Query, null)).Status);

        // Inside the slot, after the timeout: the executor starts with a cancelled token.
        foreach (var server in new[] { fast, slow })
        {
            server.Services.GetRequiredService<GraphQLRunner>().TestHook = static async token =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                catch (OperationCanceledException)
                {
                }
            };
        }

        var on = await PostAsync(fast, Query, null);
        var off = await PostAsync(slow, Query, null);

        Assert.Equal(504, on.Status);
        Assert.Equal(off, on);
        Assert.Equal(0, runner.FastExecutions);
    }

    [Fact]
    public async Task TryWrite_CallerWithoutTheRole_AbandonedByTheFieldMiddleware()
    {
        var (plan, document) = Plan("{ stats { documents } }");
        var documents = (await servers.Fast.DataAsync("{ stats { documents } }")).GetProperty("stats").GetProperty("documents").GetInt32();
        var executor = new FastExecutor(Schema, ResultSerializer.Shared);

        var reader = executor.TryWrite(plan, document, Context(new Caller(ApiKeyRole.Reader, "test")), null, CancellationToken.None);
        var nobody = executor.TryWrite(plan, document, Context(new Caller(null, Caller.AnonymousName)), null, CancellationToken.None);

        Assert.NotNull(reader);
        Assert.Equal($"{{\"data\":{{\"stats\":{{\"documents\":{documents}}}}}}}", Encoding.UTF8.GetString(reader.WrittenSpan));
        Assert.Null(nobody);
    }

    [Fact]
    public void TryWrite_CancelledToken_Abandoned()
    {
        var (plan, document) = Plan("{ stats { documents } }");

        var written = new FastExecutor(Schema, ResultSerializer.Shared).TryWrite(plan, document, Context(new Caller(ApiKeyRole.Reader, "test")), null, new CancellationToken(canceled: true));

        Assert.Null(written);
    }

    [Theory]
    [InlineData("mutation { ingestDocument(content: \"{}\") { documents { ingested } } }")]
    [InlineData("query($n: Int) { search(text: \"a\", first: $n) { totalCount } }")]
    [InlineData("{ stats { documents @include(if: true) } }")]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ stats { documents } __type(name: \"Stats\") { name } }")]
    public void Compile_OperationPlansDoNotCover_NoRoot(string query) => Assert.Null(Plan(query).Plan.Root);

    [Fact]
    public void Compile_SameResponseNameTwice_OneFieldWithBothSelections()
    {
        var root = Plan("{ stats { documents } s: stats { indexNodes } stats { indexEdges ...More } } fragment More on Stats { documents }").Plan.Root!;

        Assert.Equal(["stats", "s"], root.Fields.Select(f => f.Name.Value));
        Assert.Equal(2, root.Fields[0].Selections.Count);
        Assert.Equal(["documents", "indexEdges"], root.Fields[0].For((global::GraphQL.Types.IObjectGraphType)Schema.Query.GetField("stats")!.ResolvedType!.GetNamedType())!.Fields.Select(f => f.Name.Value));
    }

    private ArtifactGraphSchema Schema => servers.Fast.Services.GetRequiredService<ArtifactGraphSchema>();

    private (QueryPlan Plan, GraphQLDocument Document) Plan(string query)
    {
        var document = new GraphQLDocumentBuilder().Build(query);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        return (QueryPlanCompiler.Compile(Schema, document, operation, ResultSerializer.Shared.Options), document);
    }

    private RequestContext Context(Caller caller)
    {
        var services = servers.Fast.Services;
        return new RequestContext
        {
            Index = services.GetRequiredService<GraphIndexHolder>().Current,
            Store = services.GetRequiredService<IGraphStore>(),
            Caller = caller,
            Options = services.GetRequiredService<IOptions<ServerOptions>>().Value,
            Ingestion = services.GetRequiredService<DocumentIngestion>(),
        };
    }

    private static (string Query, string? Variables) Read(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "queries");
        var variables = Path.Combine(folder, name + ".variables.json");
        return (File.ReadAllText(Path.Combine(folder, name + ".graphql")), File.Exists(variables) ? File.ReadAllText(variables) : null);
    }

    private static async Task<(int Status, string Body)> PostAsync(WebApplicationFactory<ServerEntryPoint> server, string query, string? variables, string? key = null)
    {
        using var client = server.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var body = "{\"query\":" + JsonSerializer.Serialize(query) + (variables is null ? string.Empty : ",\"variables\":" + variables) + "}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd(GraphQLEndpoint.GraphQLResponseJson);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Two servers over one seeded database: fast execution on (the default) and off; every request executes on both.</summary>
    public sealed class Pair : IDisposable
    {
        public Pair()
        {
            Fast = new ServerFixture(new Dictionary<string, string?> { ["Server:ResponseCacheEnabled"] = "false" });
            Slow = Fast.StartAnother(new Dictionary<string, string?> { ["Server:ResponseCacheEnabled"] = "false", ["Server:FastExecution"] = "false" });
        }

        public ServerFixture Fast { get; }

        public WebApplicationFactory<ServerEntryPoint> Slow { get; }

        public void Dispose()
        {
            Slow.Dispose();
            Fast.Dispose();
        }
    }
}
