using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>Hostile queries are refused with clear errors before they cost anything.</summary>
public sealed class LimitTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private async Task<string> ErrorCodeAsync(string query, object? variables = null)
    {
        var (status, body) = await server.GraphQLAsync(query, variables);
        Assert.True(status is 400 or 200, $"HTTP {status}: {body}");
        return body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task DeepNesting_Refused()
    {
        var query = "{ search(text: \"lodash\") { edges { node { " + string.Concat(Enumerable.Repeat("incoming { edges { node { ", 8)) + "key" + new string('}', 8 * 3) + " } } } }";

        Assert.Equal("MAX_DEPTH_EXCEEDED", await ErrorCodeAsync(query));
    }

    [Fact]
    public async Task DeepNesting_BeyondParserLimit_SyntaxErrorNotCrash()
    {
        var query = "{ stats " + string.Concat(Enumerable.Repeat("{ a ", 5000)) + new string('}', 5001);

        var (status, _) = await server.GraphQLAsync(query);

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task HugePage_Refused()
    {
        Assert.Equal("PAGE_SIZE_EXCEEDED", await ErrorCodeAsync("{ search(text: \"a\", first: 100000) { totalCount } }"));
        Assert.Equal("PAGE_SIZE_EXCEEDED", await ErrorCodeAsync("query($n: Int) { search(text: \"a\", first: $n) { totalCount } }", new { n = 501 }));
    }

    [Fact]
    public async Task NestedPages_OverNodeBudget_Refused()
    {
        var query = "{ search(text: \"a\", first: 500) { edges { node { outgoing(first: 500) { edges { node { to { incoming(first: 500) { totalCount } } } } } } } } }";

        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", await ErrorCodeAsync(query));
    }

    [Fact]
    public async Task AliasFlood_Refused()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 200).Select(i => $"a{i}: dependents(target: \"pkg:npm/lodash\") {{ totalCount }}")) + " }";

        Assert.Equal("MAX_ALIASES_EXCEEDED", await ErrorCodeAsync(query));
    }

    [Fact]
    public async Task FragmentBomb_RefusedByFieldCount()
    {
        var fragments = new StringBuilder("fragment F0 on Stats { documents }\n");
        for (var i = 1; i < 30; i++)
        {
            fragments.Append(System.Globalization.CultureInfo.InvariantCulture, $"fragment F{i} on Stats {{ ...F{i - 1} ...F{i - 1} }}\n");
        }

        Assert.Equal("MAX_FIELDS_EXCEEDED", await ErrorCodeAsync("{ stats { ...F29 } }\n" + fragments));
    }

    [Fact]
    public async Task OversizedGraphQLBody_413()
    {
        var (status, _) = await server.GraphQLAsync("{ stats { documents } }" + new string(' ', 1_100_000));

        Assert.Equal(413, status);
    }

    [Fact]
    public async Task SlowExecution_TimesOutWithClearError()
    {
        using var slow = new ServerFixture(new Dictionary<string, string?> { ["Server:ExecutionTimeout"] = "00:00:00.200" });
        slow.Services.GetRequiredService<Server.GraphQL.GraphQLRunner>().TestDelay = TimeSpan.FromSeconds(5);

        var (status, body) = await slow.GraphQLAsync("{ stats { documents } }");

        Assert.Equal(504, status);
        Assert.Equal("EXECUTION_TIMEOUT", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Saturated_ExtraRequest_503()
    {
        using var busy = new ServerFixture(new Dictionary<string, string?> { ["Server:MaxConcurrentExecutions"] = "1", ["Server:QueueTimeout"] = "00:00:00" });
        busy.Services.GetRequiredService<Server.GraphQL.GraphQLRunner>().TestDelay = TimeSpan.FromSeconds(2);

        var first = busy.GraphQLAsync("{ stats { documents } }");
        await Task.Delay(300);

        // Another query: an identical one would wait for the first's answer (single-flight), not for a slot.
        var (status, body) = await busy.GraphQLAsync("{ stats { nodes { kind count } } }");

        Assert.Equal(503, status);
        Assert.Equal("SERVER_BUSY", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(200, (await first).Status);
    }

    [Fact]
    public void Start_InvalidOptions_RefusesToStartNamingTheOption()
    {
        using var invalid = new ServerFixture(new Dictionary<string, string?> { ["Server:MaxPageSize"] = "0" }, seed: false);

        var error = Assert.ThrowsAny<Exception>(() => invalid.Services);

        Assert.Contains("MaxPageSize", error.ToString());
    }

    [Fact]
    public void Options_InvalidValues_ListEveryError()
    {
        var options = new ServerOptions { MaxQueryDepth = 0, DefaultPageSize = 1000, ExecutionTimeout = TimeSpan.Zero };

        var errors = options.Errors();

        Assert.Equal(3, errors.Count);
        Assert.Empty(new ServerOptions().Errors());
    }
}
