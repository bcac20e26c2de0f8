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
/// The server's own executor answers byte for byte as GraphQL.NET does: every request of Fixtures/queries
/// (<see cref="QueryFixtures"/>: each query with each of its variables files) is posted to two servers over
/// one database, one with Server:FastExecution on and one with it off (response cache off on both, so every
/// request executes), and those without an error must have taken the fast path, with variables and
/// @skip/@include or not; errors, rejected variables, refused fields, mutations and timeouts fall back to
/// GraphQL.NET with the same status and bytes.
/// </summary>
public sealed class FastExecutorTests(FastExecutorTests.Pair servers) : IClassFixture<FastExecutorTests.Pair>
{
    public static TheoryData<string> Queries() => [.. QueryFixtures.Cases()];

    private GraphQLRunner Runner => servers.Fast.Services.GetRequiredService<GraphQLRunner>();

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Post_FixtureQuery_SameBytesWithFastExecutionOnAndOff(string name)
    {
        var (query, variables) = QueryFixtures.Read(name);

        // The query with its own variables first: the first request of a document validates it through
        // GraphQL.NET, and the plan exists from the next on, whichever case of the document ran before.
        var own = QueryFixtures.Read(QueryFixtures.QueryOf(name)).Variables;
        Assert.Equal(await PostAsync(servers.Slow, query, own), await PostAsync(servers.Fast.Factory, query, own));
        var before = Runner.FastExecutions;

        var off = await PostAsync(servers.Slow, query, variables);
        var first = await PostAsync(servers.Fast.Factory, query, variables);
        var second = await PostAsync(servers.Fast.Factory, query, variables);

        Assert.Equal(off, first);
        Assert.Equal(off, second);

        // Both run the plan, unless the answer has an error: then GraphQL.NET answered (a rejected variable
        // before anything executed).
        var clean = !off.Body.Contains("\"errors\"", StringComparison.Ordinal);
        Assert.Equal(clean ? 2 : 0, Runner.FastExecutions - before);
        Assert.Equal(0, servers.Slow.Services.GetRequiredService<GraphQLRunner>().FastExecutions);
        if (QueryFixtures.IsRejected(name))
        {
            Assert.Contains("\"errors\"", off.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"data\"", off.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_SameDocumentWithOtherVariables_OnePlanDifferentAnswers()
    {
        const string Query = "query Find($text: String!, $first: Int) { search(text: $text, first: $first) { totalCount edges { node { key } } } }";
        var variables = new[] { "{\"text\":\"lodash\"}", "{\"text\":\"express\",\"first\":1}", "{\"text\":\"lodash\"}" };
        await PostAsync(servers.Fast.Factory, Query, variables[0]);
        var entry = Runner.Documents.Find(Query)!;
        var before = Runner.FastExecutions;

        var answers = new List<(int Status, string Body)>();
        QueryPlan? plan = null;
        foreach (var json in variables)
        {
            var answer = await PostAsync(servers.Fast.Factory, Query, json);
            Assert.Equal(await PostAsync(servers.Slow, Query, json), answer);
            plan ??= entry.Plan;
            Assert.Same(plan, entry.Plan);
            answers.Add(answer);
        }

        Assert.NotNull(plan?.Variables);
        Assert.NotEqual(answers[0], answers[1]);
        Assert.Equal(answers[0], answers[2]);
        Assert.Equal(3, Runner.FastExecutions - before);
    }

    [Fact]
    public async Task Post_PageSizeFromAVariableOverTheLimit_RefusedBeforeExecution()
    {
        var (query, _) = QueryFixtures.Read("blast-radius-page-variables");
        const string Variables = "{ \"purl\": \"pkg:npm/lodash\", \"first\": 100000 }";
        await PostAsync(servers.Fast.Factory, query, QueryFixtures.Read("blast-radius-page-variables").Variables);
        var (executions, fast) = (Runner.Executions, Runner.FastExecutions);

        var off = await PostAsync(servers.Slow, query, Variables);
        var on = await PostAsync(servers.Fast.Factory, query, Variables);

        Assert.Equal(off, on);
        Assert.Contains("PAGE_SIZE_EXCEEDED", on.Body, StringComparison.Ordinal);
        Assert.Equal((executions, fast), (Runner.Executions, Runner.FastExecutions));
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
    [InlineData("query Q @include(if: true) { stats { documents } }")]
    [InlineData("{ stats { documents @deprecated } }")]
    [InlineData("query($v: Boolean!) { ...S } fragment S on Query @include(if: $v) { stats { documents } }")]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ stats { documents } __type(name: \"Stats\") { name } }")]
    public void Compile_OperationPlansDoNotCover_NotRunnable(string query) => Assert.False(Plan(query).Plan.Runnable);

    [Fact]
    public void RootFor_SkipAndIncludeOutcomes_OneRootPerCombination()
    {
        var (plan, _) = Plan("query($a: Boolean!, $b: Boolean!) { stats { documents @skip(if: $a) indexNodes @include(if: $b) } s: stats @include(if: false) { documents } }");
        var serializer = new global::GraphQL.SystemTextJson.GraphQLSerializer();
        SelectionPlan Root(string json) => plan.RootFor(plan.Variables!.Coerce(serializer.Deserialize<Inputs>(json))!.Variables)!;
        string Names(SelectionPlan root) => string.Join(",", root.Fields.Select(f => f.Name.Value).Concat(root.Fields[0].For((global::GraphQL.Types.IObjectGraphType)root.Fields[0].Completion.ObjectType!)!.Fields.Select(f => f.Name.Value)));

        var neither = Root("{\"a\": true, \"b\": false}");
        var both = Root("{\"a\": false, \"b\": true}");

        Assert.Equal("stats", Names(neither));
        Assert.Equal("stats,documents,indexNodes", Names(both));
        Assert.Same(both, Root("{\"a\": false, \"b\": true}"));
        Assert.Null(plan.Root);
    }

    [Fact]
    public void Compile_OperationWithVariables_SlotsOnlyForArgumentsWithAVariable()
    {
        var root = Plan("query($n: Int, $k: [NodeKind!]) { search(text: \"a\", first: $n) { totalCount } stats { documents } all: allNodes(kind: Package, first: 2) { totalCount } other: search(text: \"b\", kinds: $k) { totalCount } }").Plan;

        Assert.Equal(2, root.Variables!.Count);
        Assert.Equal([0, -1, -1, 1], root.Root!.Fields.Select(f => f.Slot));
        Assert.NotNull(root.Root.Fields[2].Arguments);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"k\": [\"NoSuchKind\"]}")]
    [InlineData("{\"k\": \"Package\", \"n\": 1.5}")]
    public void Coerce_VariablesGraphQLNetRefuses_Null(string json)
    {
        var plan = Plan("query($k: [NodeKind!]!, $n: Int) { search(text: \"a\", kinds: $k, first: $n) { totalCount } }").Plan;

        Assert.Null(plan.Variables!.Coerce(new global::GraphQL.SystemTextJson.GraphQLSerializer().Deserialize<Inputs>(json)));
    }

    [Fact]
    public void Coerce_DefaultsListOfOneAndAFieldInAFragment_ValuesForEverySlot()
    {
        var plan = Plan("query($k: [NodeKind!] = [Image], $t: String!, $e: [EdgeKind!]) { search(text: $t, kinds: $k) { totalCount } nodeByKey(kind: License, key: \"MIT\") { ... on Image { incoming(kinds: $e) { totalCount } } } }").Plan;

        var values = plan.Variables!.Coerce(new global::GraphQL.SystemTextJson.GraphQLSerializer().Deserialize<Inputs>("{\"t\": \"x\", \"e\": \"RUNS\"}"))!;

        Assert.Equal(2, values.Arguments.Length);
        Assert.Equal("x", values.Arguments[0]!["text"].Value);
        Assert.Single((System.Collections.IEnumerable)values.Arguments[0]!["kinds"].Value!);
        Assert.Single((System.Collections.IEnumerable)values.Arguments[1]!["kinds"].Value!);
    }

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
