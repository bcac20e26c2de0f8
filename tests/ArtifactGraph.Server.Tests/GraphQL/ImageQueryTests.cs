using System.Text.Json;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>image(ref) over the demo supply chain answers what the CLI's image --json answers for that image.</summary>
public sealed class ImageQueryTests(AllSamplesFixture samples) : IClassFixture<AllSamplesFixture>
{
    private const string WebRef = "registry.example.com/shop/web:3.1.0";

    private readonly ServerFixture _server = samples.Server;

    [Theory]
    [InlineData(WebRef)]
    [InlineData("registry.example.com/shop/api:1.4.2")]
    [InlineData("registry.example.com/shop/billing:1.2.0")]
    [InlineData("registry.example.com/shop/worker:2.0.0")]
    [InlineData(ProvenanceQueryTests.ApiDigest)]
    [InlineData("registry.example.com/shop/api@" + ProvenanceQueryTests.ApiDigest)]
    public async Task Image_DemoImage_EqualsCliJson(string reference) =>
        await ImageParity.AssertEqualsCliAsync(_server, reference);

    [Fact]
    public async Task Image_WebTag_VexTakesFollowRedirectsOutUnlessIgnored()
    {
        var data = await _server.DataAsync($"query($r: String!) {{ applied: image(ref: $r) {{ {ImageParity.Selection} }} raw: image(ref: $r, ignoreVex: true) {{ counts {{ vulnerabilities suppressed }} suppressed {{ totalCount }} }} }}", new { r = WebRef });

        var applied = data.GetProperty("applied");
        Assert.Equal(0, applied.GetProperty("vulnerabilities").GetProperty("totalCount").GetInt32());
        var suppressed = Assert.Single(applied.GetProperty("suppressed").GetProperty("edges").EnumerateArray()).GetProperty("node");
        Assert.Equal("CVE-2024-28849", suppressed.GetProperty("id").GetString());
        Assert.Equal("not_affected", suppressed.GetProperty("suppressedBy").GetProperty("status").GetString());
        Assert.Equal([WebRef], applied.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(1, data.GetProperty("raw").GetProperty("counts").GetProperty("vulnerabilities").GetInt32());
        Assert.Equal(0, data.GetProperty("raw").GetProperty("suppressed").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Image_Build_IsTheProvenanceOfItsDigest()
    {
        const string Report = "query found matched { key } subjects { node { kind key } builders { key } attestations { document { sha256 } verified } }";
        var data = await _server.DataAsync($"{{ image(ref: \"registry.example.com/shop/api:1.4.2\") {{ provenance {{ kind }} build {{ {Report} }} }} provenance(subject: \"{ProvenanceQueryTests.ApiDigest}\") {{ {Report} }} }}");

        var build = data.GetProperty("image").GetProperty("build");
        // The attestation names the digest, so the build is recorded on the same-digest artifact: listed too.
        Assert.Equal(["BUILT_BY", "BUILT_FROM"], data.GetProperty("image").GetProperty("provenance").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).Order());
        Assert.True(build.GetProperty("found").GetBoolean());
        Assert.Equal(CliShapes.Text(data.GetProperty("provenance")), CliShapes.Text(build));
    }

    [Fact]
    public async Task Image_DeploymentsByEnvironment_OnlyThatEnvironment()
    {
        var data = await _server.DataAsync($"{{ image(ref: \"{WebRef}\") {{ deployments(environment: \"staging\") {{ totalCount edges {{ node {{ key }} cluster replicas depth }} }} }} }}");

        var edge = Assert.Single(data.GetProperty("image").GetProperty("deployments").GetProperty("edges").EnumerateArray());
        Assert.Equal("staging/staging-eu-1/shop/deployment/web", edge.GetProperty("node").GetProperty("key").GetString());
        Assert.Equal(1, edge.GetProperty("replicas").GetInt32());
        Assert.Equal(2, edge.GetProperty("depth").GetInt32());
    }

    [Fact]
    public async Task Image_ContentsPaged_PagesConcatenateToTheCliContents()
    {
        var cli = Assert.Single(_server.CliJson("image", WebRef).EnumerateArray());
        var keys = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var data = await _server.DataAsync("query($r: String!, $a: String) { image(ref: $r) { contents(first: 3, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { key } } } } }", new { r = WebRef, a = after });
            var page = data.GetProperty("image").GetProperty("contents");
            Assert.Equal(cli.GetProperty("counts").GetProperty("contents").GetInt32(), page.GetProperty("totalCount").GetInt32());
            keys.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("key").GetString()!));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
            pages++;
        }
        while (after is not null);

        Assert.Equal(cli.GetProperty("contents").EnumerateArray().Select(c => c.GetProperty("id").GetString()), keys);
        Assert.True(pages > 1);
    }

    [Fact]
    public async Task Image_ContentsByKind_CountsOnlyThatKind()
    {
        var data = await _server.DataAsync("{ image(ref: \"registry.example.com/shop/api:1.4.2\") { contents(kinds: [Artifact]) { totalCount edges { node { kind } } } counts { contents } } }");

        var contents = data.GetProperty("image").GetProperty("contents");
        Assert.Equal(contents.GetProperty("edges").GetArrayLength(), contents.GetProperty("totalCount").GetInt32());
        Assert.All(contents.GetProperty("edges").EnumerateArray(), e => Assert.Equal("Artifact", e.GetProperty("node").GetProperty("kind").GetString()));
        Assert.True(contents.GetProperty("totalCount").GetInt32() < data.GetProperty("image").GetProperty("counts").GetProperty("contents").GetInt32());
    }

    [Theory]
    [InlineData("registry.example.com/shop/nothing:1.0")]
    [InlineData("sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not a reference")]
    public async Task Image_UnknownRef_Null(string reference)
    {
        var data = await _server.DataAsync("query($r: String!) { image(ref: $r) { counts { contents } } }", new { r = reference });

        Assert.Equal(JsonValueKind.Null, data.GetProperty("image").ValueKind);
        Assert.Equal(1, _server.Cli("image", reference).Exit);
    }

    [Fact]
    public async Task Image_ContentsPageOverLimit_PageSizeError()
    {
        var (_, body) = await _server.GraphQLAsync($"{{ image(ref: \"{WebRef}\") {{ contents(first: 100000) {{ totalCount }} }} }}");

        Assert.Equal("PAGE_SIZE_EXCEEDED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Image_OnABaseImage_BaseChainAndBaseContentsEqualCliJson()
    {
        using var server = new ServerFixture(new Dictionary<string, string?>(), seed: false);
        Assert.Equal(0, server.Cli("ingest", ImageFixture("base-alpine-3.18.cdx.json"), ImageFixture("app-on-alpine-3.18.cdx.json")).Exit);

        var applied = await ImageParity.AssertEqualsCliAsync(server, "registry.example.com/shop/app:1.0");

        Assert.Equal(["registry.example.com/base/alpine:3.18"], applied.GetProperty("baseImages").EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        var musl = applied.GetProperty("contents").GetProperty("edges").EnumerateArray().Single(e => e.GetProperty("node").GetProperty("key").GetString() == "pkg:apk/alpine/musl@1.2.4-r2");
        Assert.Equal(2, musl.GetProperty("depth").GetInt32());
        Assert.False(musl.GetProperty("direct").GetBoolean());
    }

    [Fact]
    public async Task Image_TagNamingTwoDigests_AmbiguousErrorNamesTheCliCandidates()
    {
        using var server = new ServerFixture();
        Assert.Equal(0, server.Cli("ingest", ImageFixture("web-3.1.0-rebuilt.cdx.json")).Exit);

        var (_, body) = await server.GraphQLAsync($"{{ image(ref: \"{WebRef}\") {{ counts {{ contents }} }} }}");

        var error = body.GetProperty("errors")[0];
        Assert.Equal("AMBIGUOUS_REF", error.GetProperty("extensions").GetProperty("code").GetString());
        var candidates = server.CliJson("image", WebRef).EnumerateArray().Select(r => r.GetProperty("image").GetProperty("id").GetString()!).ToList();
        Assert.Equal(2, candidates.Count);
        Assert.All(candidates, c => Assert.Contains(c, error.GetProperty("message").GetString(), StringComparison.Ordinal));
        Assert.Equal(candidates, error.GetProperty("extensions").GetProperty("candidates").EnumerateArray().Select(c => c.GetString()));
    }

    private static string ImageFixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "images", name);
}
