using System.Net;
using System.Text;

namespace ArtifactGraph.Server.Tests.Endpoints;

/// <summary>GraphQL-over-HTTP: methods, media types and status codes.</summary>
public sealed class GraphQLEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Post_AcceptGraphQLResponseJson_AnswersThatMediaType()
    {
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ stats { documents } }\"}", Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Post_SyntaxError_400UnderGraphQLResponseJson200UnderJson()
    {
        var (modern, body) = await server.GraphQLAsync("{ stats { ");
        var (legacy, _) = await server.GraphQLAsync("{ stats { ", accept: "application/json");

        Assert.Equal(400, modern);
        Assert.Equal(200, legacy);
        Assert.False(body.TryGetProperty("data", out var data) && data.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Post_ValidationError_400UnderGraphQLResponseJson()
    {
        var (status, body) = await server.GraphQLAsync("{ noSuchField }");

        Assert.Equal(400, status);
        Assert.Contains("noSuchField", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Get_QueryParameters_Executes()
    {
        using var client = server.Client();

        using var response = await client.GetAsync(new Uri("/graphql?query=" + Uri.EscapeDataString("query($t: String!) { dependents(target: $t) { totalCount } }") + "&variables=" + Uri.EscapeDataString("{\"t\":\"pkg:npm/lodash\"}"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("totalCount", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Mutation_405()
    {
        using var client = server.Client();

        using var response = await client.GetAsync(new Uri("/graphql?query=" + Uri.EscapeDataString("mutation { ingestDocument(content: \"{}\") { nodesAdded } }"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Post_NotJson_415AndMalformedJson_400()
    {
        using var client = server.Client();

        using var text = await client.PostAsync(new Uri("/graphql", UriKind.Relative), new StringContent("{ stats { documents } }", Encoding.UTF8, "text/plain"));
        using var malformed = await client.PostAsync(new Uri("/graphql", UriKind.Relative), new StringContent("{\"query\":", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Get_BrowserAcceptHtml_ServesExplorerAndItsScript()
    {
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");

        using var page = await client.SendAsync(request);
        using var root = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var script = await client.GetAsync(new Uri("/explorer/explorer.js", UriKind.Relative));

        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("explorer.js", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Contains("__schema", await script.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_LiveAndReady_200()
    {
        using var client = server.Client();

        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains("\"ready\"", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Introspection_ExplorerQuery_PassesTheLimits()
    {
        var data = await server.DataAsync("{ __schema { queryType { name } types { name kind possibleTypes { name } fields { name args { name } type { ...T } } } } } fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }");

        Assert.Equal("Query", data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }
}
