namespace ArtifactGraph.Server.Tests.Auth;

/// <summary>Keys and roles when anonymous reading is off (as on a non-loopback binding).</summary>
public sealed class AuthTests : IDisposable
{
    private readonly ServerFixture _server = new(new Dictionary<string, string?> { ["Server:AllowAnonymousRead"] = "false" });

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Query_NoKey_401()
    {
        var (status, body) = await _server.GraphQLAsync("{ stats { documents } }");

        Assert.Equal(401, status);
        Assert.Equal("UNAUTHENTICATED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Query_UnknownKey_401()
    {
        var (status, _) = await _server.GraphQLAsync("{ stats { documents } }", key: "agk_guessed");

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task Query_ReaderKey_Answers()
    {
        var key = _server.CreateKey("reader");

        var data = await _server.DataAsync("{ stats { documents } }", key: key);

        Assert.Equal(_server.CliJson("stats").GetProperty("documents").GetInt32(), data.GetProperty("stats").GetProperty("documents").GetInt32());
    }

    [Fact]
    public async Task Query_RevokedKey_401()
    {
        var key = _server.CreateKey("admin");
        Assert.Equal(200, (await _server.GraphQLAsync("{ stats { documents } }", key: key)).Status);
        var id = _server.CliJson("keys", "list").EnumerateArray().Last().GetProperty("id").GetInt64();

        Assert.Equal(0, _server.Cli("keys", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Exit);

        Assert.Equal(401, (await _server.GraphQLAsync("{ stats { documents } }", key: key)).Status);
    }

    [Fact]
    public async Task Mutation_AdminKey_Allowed()
    {
        var key = _server.CreateKey("admin");

        var data = await _server.DataAsync("mutation { ingestDocument(content: \"{\\\"bomFormat\\\":\\\"CycloneDX\\\",\\\"specVersion\\\":\\\"1.5\\\",\\\"version\\\":1}\") { files { outcome } } }", key: key);

        Assert.Equal("ingested", data.GetProperty("ingestDocument").GetProperty("files")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Explorer_NoKey_StillServed()
    {
        using var client = _server.Client();

        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5480", true)]
    [InlineData("http://localhost:5480;http://[::1]:5480", true)]
    [InlineData("http://0.0.0.0:5480", false)]
    [InlineData("http://*:5480", false)]
    [InlineData("http://127.0.0.1:5480;http://192.168.1.5:80", false)]
    public void AllLoopback_Urls_OnlyLoopbackBindingsAllowAnonymousRead(string urls, bool expected) =>
        Assert.Equal(expected, Server.Auth.AnonymousAccess.AllLoopback(urls));
}
