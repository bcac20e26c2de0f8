using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.Endpoints;
using ArtifactGraph.Server.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactGraph.Server.Tests.Endpoints;

/// <summary>
/// Whole responses kept per snapshot: a repeated query gets the same bytes without executing, and
/// nothing that changes an answer (variables, operation, role, a commit) or refuses a request
/// (authentication, limits, errors, mutations) is bypassed by it.
/// </summary>
public sealed class GraphQLResponseCachingTests : IDisposable
{
    private const string BlastRadius = "{ blastRadius(purl: \"pkg:npm/lodash\") { counts { images } images(first: 50) { totalCount edges { depth node { id key name } } } } }";

    private const string PagedSearch = "query($n: Int!, $t: String!) { search(text: $t, first: $n) { totalCount edges { node { key } } } }";

    private const string TwoOperations = "query Count { stats { documents } } query Kinds { stats { nodes { kind count } } }";

    private readonly ServerFixture _server = new();

    public void Dispose() => _server.Dispose();

    private GraphQLRunner Runner => _server.Services.GetRequiredService<GraphQLRunner>();

    private ResponseCacheCounters Counters => Runner.Responses.Counters();

    [Fact]
    public async Task Post_SameQueryTwice_SecondIsAHitWithTheSameBytes()
    {
        var first = await PostAsync(BlastRadius);
        var second = await PostAsync(BlastRadius);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.ContentType, second.ContentType);
        Assert.Equal((1L, 1L, 1), (Counters.Hits, Counters.Misses, Counters.Entries));
        Assert.Contains("\"blastRadius\"", Encoding.UTF8.GetString(second.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterPost_HitWithTheNegotiatedMediaType()
    {
        var posted = await PostAsync(BlastRadius);

        var legacy = await GetAsync(BlastRadius, accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Equal(posted.Body, legacy.Body);
        Assert.StartsWith(GraphQLEndpoint.GraphQLResponseJson, posted.ContentType, StringComparison.Ordinal);
        Assert.StartsWith("application/json", legacy.ContentType, StringComparison.Ordinal);
        Assert.Equal(1L, Counters.Hits);
    }

    [Fact]
    public async Task Post_DifferentVariables_Miss()
    {
        var one = await PostAsync(PagedSearch, new { n = 1, t = "lodash" });
        var two = await PostAsync(PagedSearch, new { n = 2, t = "lodash" });
        var otherText = await PostAsync(PagedSearch, new { n = 1, t = "shop" });

        Assert.Equal(0L, Counters.Hits);
        Assert.Equal(3, Counters.Entries);
        Assert.NotEqual(one.Body, two.Body);
        Assert.NotEqual(one.Body, otherText.Body);
    }

    [Fact]
    public async Task Post_SameVariablesInAnotherOrder_Hit()
    {
        var first = await PostRawAsync("{\"query\":" + JsonSerializer.Serialize(PagedSearch) + ",\"variables\":{\"n\":1,\"t\":\"lodash\"}}");

        var second = await PostRawAsync("{\"variables\": {\"t\": \"lodash\", \"n\": 1}, \"query\":" + JsonSerializer.Serialize(PagedSearch) + "}");

        Assert.Equal(first.Body, second.Body);
        Assert.Equal(1L, Counters.Hits);
    }

    [Fact]
    public async Task Post_DifferentOperationName_Miss()
    {
        var count = await PostAsync(TwoOperations, operationName: "Count");
        var kinds = await PostAsync(TwoOperations, operationName: "Kinds");
        var countAgain = await PostAsync(TwoOperations, operationName: "Count");

        Assert.NotEqual(count.Body, kinds.Body);
        Assert.Equal(count.Body, countAgain.Body);
        Assert.Equal((1L, 2L), (Counters.Hits, Counters.Misses));
    }

    [Fact]
    public async Task Post_DifferentRole_Miss()
    {
        await PostAsync(BlastRadius);
        await PostAsync(BlastRadius, key: _server.CreateKey("admin"));
        await PostAsync(BlastRadius, key: _server.CreateKey("reader"));

        // Anonymous reading on loopback is the reader role: the reader key shares its entry, the admin key does not.
        Assert.Equal((1L, 2L, 2), (Counters.Hits, Counters.Misses, Counters.Entries));
    }

    [Fact]
    public async Task Post_RevokedOrUnknownKeyWithAnEntryKept_401()
    {
        using var server = new ServerFixture(new Dictionary<string, string?> { ["Server:AllowAnonymousRead"] = "false" });
        var key = server.CreateKey("reader");
        Assert.Equal(200, (await server.GraphQLAsync(BlastRadius, key: key)).Status);
        Assert.Equal(200, (await server.GraphQLAsync(BlastRadius, key: server.CreateKey("reader"))).Status);
        var id = server.CliJson("keys", "list").EnumerateArray().First().GetProperty("id").GetInt64();
        Assert.Equal(0, server.Cli("keys", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Exit);

        var (revoked, body) = await server.GraphQLAsync(BlastRadius, key: key);
        var (unknown, _) = await server.GraphQLAsync(BlastRadius, key: "agk_guessed");
        var (none, _) = await server.GraphQLAsync(BlastRadius);

        Assert.Equal((401, 401, 401), (revoked, unknown, none));
        Assert.Equal("UNAUTHENTICATED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var counters = server.Services.GetRequiredService<GraphQLRunner>().Responses.Counters();
        Assert.Equal((1L, 1), (counters.Hits, counters.Entries));
    }

    [Fact]
    public async Task Post_CacheTurnedOff_EveryRequestExecutes()
    {
        using var server = new ServerFixture(new Dictionary<string, string?> { ["Server:ResponseCacheEnabled"] = "false" });

        var first = await server.DataAsync(BlastRadius);
        var second = await server.DataAsync(BlastRadius);

        Assert.Equal(first.ToString(), second.ToString());
        Assert.Equal(new ResponseCacheCounters(false, 0, 0, 0, 0, 0), server.Services.GetRequiredService<GraphQLRunner>().Responses.Counters());
    }

    [Fact]
    public async Task Post_AnswerOverTheEntryBound_ServedWholeButNotKept()
    {
        using var server = new ServerFixture(new Dictionary<string, string?> { ["Server:ResponseCacheMaxEntryBytes"] = "200" });

        var first = await server.GraphQLAsync(BlastRadius);
        var second = await server.GraphQLAsync(BlastRadius);
        var small = await server.GraphQLAsync("{ stats { documents } }");

        Assert.Equal(first.Body.ToString(), second.Body.ToString());
        Assert.True(first.Body.GetProperty("data").GetProperty("blastRadius").GetProperty("images").GetProperty("totalCount").GetInt32() > 0);
        Assert.Equal(200, small.Status);
        var counters = server.Services.GetRequiredService<GraphQLRunner>().Responses.Counters();
        Assert.Equal((0L, 1), (counters.Hits, counters.Entries));
    }

    [Fact]
    public async Task Post_DocumentIngestedBetweenQueries_AnswersFromTheNewSnapshot()
    {
        var before = await PostAsync(BlastRadius);
        var holder = _server.Services.GetRequiredService<GraphIndexHolder>();
        var old = holder.Current;

        using var client = _server.Client(_server.CreateKey("ingester"));
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(ServerFixture.Fixture("image-with-lodash.cdx.json")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri("/api/v1/documents?filename=image-with-lodash.cdx.json", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await PostAsync(BlastRadius);

        Assert.NotSame(old, holder.Current);
        Assert.NotEqual(before.Body, after.Body);
        Assert.Contains("sha256:5f0c2a7e9b1d4c3a8e6f2b0d9c7a5e3f1b8d6c4a2e0f9b7d5c3a1e8f6b4d2c0a", Encoding.UTF8.GetString(after.Body), StringComparison.Ordinal);
        Assert.Equal((0L, 1), (Counters.Hits, Counters.Entries));
    }

    [Fact]
    public async Task Post_SnapshotPublishedByTheHolder_OldEntriesDropped()
    {
        await PostAsync(BlastRadius);
        var holder = _server.Services.GetRequiredService<GraphIndexHolder>();
        var old = holder.Current;

        holder.LoadFrom(_server.Services.GetRequiredService<IGraphStore>());
        var again = await PostAsync(BlastRadius);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal((0L, 2L, 1), (Counters.Hits, Counters.Misses, Counters.Entries));
        Assert.False(Runner.Responses.TryGet(old, Key(BlastRadius), out _));
    }

    [Fact]
    public async Task Post_QueryWithAnError_NotKept()
    {
        const string Bad = "{ provenance(subject: \"not a purl\") { found } }";

        var first = await PostAsync(Bad);
        var second = await PostAsync(Bad);

        Assert.Contains("\"errors\"", Encoding.UTF8.GetString(second.Body), StringComparison.Ordinal);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal((0L, 0), (Counters.Hits, Counters.Entries));
    }

    [Fact]
    public async Task Post_Mutation_NotKept()
    {
        const string Mutation = "mutation { ingestDocument(content: \"{\\\"bomFormat\\\":\\\"CycloneDX\\\",\\\"specVersion\\\":\\\"1.5\\\",\\\"version\\\":1}\") { documents { ingested unchanged } } }";
        var key = _server.CreateKey("ingester");

        var first = await PostAsync(Mutation, key: key);
        var second = await PostAsync(Mutation, key: key);

        Assert.Contains("\"ingested\":1", Encoding.UTF8.GetString(first.Body), StringComparison.Ordinal);
        Assert.Contains("\"unchanged\":1", Encoding.UTF8.GetString(second.Body), StringComparison.Ordinal);
        Assert.Equal((0L, 0), (Counters.Hits, Counters.Entries));
    }

    [Fact]
    public async Task Post_CachedQueryWithPageOverTheLimit_StillRefused()
    {
        await PostAsync(PagedSearch, new { n = 1, t = "lodash" });

        var refused = await PostAsync(PagedSearch, new { n = 100_000, t = "lodash" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("PAGE_SIZE_EXCEEDED", Encoding.UTF8.GetString(refused.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_AfterAHit_ReportsTheCounters()
    {
        await PostAsync(BlastRadius);
        await PostAsync(BlastRadius);
        using var client = _server.Client();

        var ready = JsonDocument.Parse(await client.GetStringAsync(new Uri("/readyz", UriKind.Relative))).RootElement.GetProperty("responseCache");

        Assert.True(ready.GetProperty("enabled").GetBoolean());
        Assert.Equal(1, ready.GetProperty("hits").GetInt64());
        Assert.Equal(1, ready.GetProperty("entries").GetInt32());
        Assert.True(ready.GetProperty("bytes").GetInt64() > 0);
    }

    private static ResponseCacheKey Key(string query) => ResponseCacheKey.TryCreate(query, null, null, ApiKeyRole.Reader)!;

    private Task<Answer> PostAsync(string query, object? variables = null, string? operationName = null, string? key = null) =>
        PostRawAsync(JsonSerializer.Serialize(new { query, variables, operationName }), key);

    private async Task<Answer> PostRawAsync(string json, string? key = null)
    {
        using var client = _server.Client(key);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd(GraphQLEndpoint.GraphQLResponseJson);
        return await SendAsync(client, request);
    }

    private async Task<Answer> GetAsync(string query, string accept)
    {
        using var client = _server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        request.Headers.Accept.ParseAdd(accept);
        return await SendAsync(client, request);
    }

    private static async Task<Answer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync());
    }

    private sealed record Answer(HttpStatusCode Status, string? ContentType, byte[] Body);
}
