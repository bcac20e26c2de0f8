using ArtifactGraph.Server.GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>
/// Parsed documents cached by query text: a repeated query skips parsing and schema validation, but
/// never what depends on the request (variables, limits, the caller's role).
/// </summary>
public sealed class DocumentCacheTests : IDisposable
{
    private const string PagedSearch = "query($n: Int!) { search(text: \"lodash\", first: $n) { totalCount } }";

    private readonly ServerFixture _server = new();

    public void Dispose() => _server.Dispose();

    private static global::GraphQLParser.AST.GraphQLDocument Parse(string query) => new GraphQLDocumentBuilder().Build(query);

    [Fact]
    public void Find_AfterAdd_ReturnsTheSameEntry()
    {
        var cache = new DocumentCache();
        var entry = cache.Add("{ stats { nodes } }", Parse("{ stats { nodes } }"));

        Assert.Same(entry, cache.Find("{ stats { nodes } }"));
        Assert.Null(cache.Find("{ stats { edges } }"));
        Assert.False(entry.Validated);
    }

    [Fact]
    public void Add_Full_StartsOver()
    {
        var cache = new DocumentCache(capacity: 2);
        cache.Add("{ a }", Parse("{ a }"));
        cache.Add("{ b }", Parse("{ b }"));

        cache.Add("{ c }", Parse("{ c }"));

        Assert.Equal(1, cache.Count);
        Assert.NotNull(cache.Find("{ c }"));
    }

    [Fact]
    public void Add_QueryOverTheLengthBound_IsNotKept()
    {
        var cache = new DocumentCache(maxQueryLength: 8);

        var entry = cache.Add("{ longer }", Parse("{ longer }"));

        Assert.NotNull(entry);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task RunAsync_RepeatedQuery_ParsedOnceAndMarkedValidated()
    {
        await _server.DataAsync(PagedSearch, new { n = 1 });
        await _server.DataAsync(PagedSearch, new { n = 2 });

        var entry = _server.Services.GetRequiredService<GraphQLRunner>().Documents.Find(PagedSearch);
        Assert.NotNull(entry);
        Assert.True(entry.Validated);
    }

    [Fact]
    public async Task RunAsync_CachedDocumentWithBadVariables_StillRejected()
    {
        await _server.DataAsync(PagedSearch, new { n = 1 });

        var (_, body) = await _server.GraphQLAsync(PagedSearch, new { n = "many" });

        Assert.True(body.TryGetProperty("errors", out var errors), body.ToString());
        Assert.False(body.TryGetProperty("data", out var data) && data.ValueKind == System.Text.Json.JsonValueKind.Object, body.ToString());
        Assert.NotEmpty(errors.EnumerateArray());
    }

    [Fact]
    public async Task RunAsync_CachedDocumentWithPageOverTheLimit_StillRefused()
    {
        await _server.DataAsync(PagedSearch, new { n = 1 });

        var (status, body) = await _server.GraphQLAsync(PagedSearch, new { n = 100_000 });

        Assert.Equal(400, status);
        Assert.Equal("PAGE_SIZE_EXCEEDED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task RunAsync_InvalidDocumentTwice_FailsValidationBothTimes()
    {
        const string Invalid = "{ noSuchField }";

        var (first, _) = await _server.GraphQLAsync(Invalid);
        var (second, body) = await _server.GraphQLAsync(Invalid);

        Assert.Equal(400, first);
        Assert.Equal(400, second);
        Assert.Contains("noSuchField", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(_server.Services.GetRequiredService<GraphQLRunner>().Documents.Find(Invalid)!.Validated);
    }

    [Fact]
    public async Task RunAsync_CachedDocumentWithoutTheRole_StillForbidden()
    {
        const string Mutation = "mutation { ingestDocument(content: \"{}\") { documents { ingested } } }";
        var ingester = _server.CreateKey("ingester");
        await _server.GraphQLAsync(Mutation, key: ingester);

        var (_, body) = await _server.GraphQLAsync(Mutation, key: _server.CreateKey("reader"));

        Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
