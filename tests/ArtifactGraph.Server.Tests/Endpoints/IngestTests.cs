using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ArtifactGraph.Server.Tests.Endpoints;

/// <summary>Writing: the ingestDocument mutation and POST /api/v1/documents, with roles and limits.</summary>
public sealed class IngestTests : IDisposable
{
    private readonly ServerFixture _server = new(new Dictionary<string, string?> { ["Server:MaxDocumentBodyBytes"] = "4096" });
    private readonly string _ingester;
    private readonly string _reader;

    public IngestTests()
    {
        _ingester = _server.CreateKey("ingester");
        _reader = _server.CreateKey("reader");
    }

    public void Dispose() => _server.Dispose();

    private static ByteArrayContent Body(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<(HttpStatusCode Status, string Type, JsonElement Body)> PostDocumentAsync(byte[] bytes, string? key, bool gzip = false)
    {
        using var client = _server.Client(key);
        using var content = Body(bytes);
        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        using var response = await client.PostAsync(new Uri("/api/v1/documents?filename=billing-1.0.cdx.json", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? string.Empty, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task PostDocument_IngesterKey_ReportEqualsCliIngestJsonAndQueriesSeeIt()
    {
        var path = ServerFixture.Fixture("billing-1.0.cdx.json");

        var (status, _, body) = await PostDocumentAsync(await File.ReadAllBytesAsync(path), _ingester);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("documents").GetProperty("ingested").GetInt32());
        var dependents = await _server.DataAsync("{ dependents(target: \"pkg:npm/left-pad@1.3.0\") { totalCount } }");
        Assert.Equal(1, dependents.GetProperty("dependents").GetProperty("totalCount").GetInt32());

        // The CLI, ingesting the same file into a database in the same state, reports the same (but its source is the path).
        using var twin = new ServerFixture(new Dictionary<string, string?>());
        var cli = twin.CliJsonNode("ingest", path);
        cli["files"]![0]!["source"] = "billing-1.0.cdx.json";
        Assert.Equal(CliShapes.Text(cli), CliShapes.Text(body));
    }

    [Fact]
    public async Task PostDocument_Gzip_IsExpandedAndIngested()
    {
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(await File.ReadAllBytesAsync(ServerFixture.Fixture("billing-1.0.cdx.json")));
        }

        var (status, _, body) = await PostDocumentAsync(buffer.ToArray(), _ingester, gzip: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("CycloneDX-JSON", body.GetProperty("files")[0].GetProperty("format").GetString());
    }

    [Fact]
    public async Task PostDocument_BadDocument_400ProblemJsonNamingLocationAndReason()
    {
        var (status, type, body) = await PostDocumentAsync(await File.ReadAllBytesAsync(ServerFixture.Fixture("component-without-name.cdx.json")), _ingester);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal("urn:artifactgraph:problem:document-rejected", body.GetProperty("type").GetString());
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal("/api/v1/documents", body.GetProperty("instance").GetString());
        Assert.Equal("/components/1", body.GetProperty("location").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("reason").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task PostDocument_OverSizeLimit_413()
    {
        var (status, type, _) = await PostDocumentAsync(new byte[5000], _ingester);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", type);
    }

    [Fact]
    public async Task PostDocument_ReaderKey_403AndNoKey_401()
    {
        var bytes = await File.ReadAllBytesAsync(ServerFixture.Fixture("billing-1.0.cdx.json"));

        var (asReader, _, _) = await PostDocumentAsync(bytes, _reader);
        var (anonymous, _, _) = await PostDocumentAsync(bytes, null);
        var (badKey, _, _) = await PostDocumentAsync(bytes, "agk_not-a-key");

        Assert.Equal(HttpStatusCode.Forbidden, asReader);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, badKey);
    }

    [Fact]
    public async Task IngestDocumentMutation_IngesterKey_ReturnsCliReport()
    {
        var content = await File.ReadAllTextAsync(ServerFixture.Fixture("billing-1.0.cdx.json"));

        var data = await _server.DataAsync(
            "mutation($c: String!) { ingestDocument(content: $c, filename: \"billing.cdx.json\") { documents { ingested unchanged rejected } nodesAdded edgesAdded files { source outcome format sha256 components nodesAdded warnings { location message } location reason } } }",
            new { c = content },
            _ingester);

        var report = data.GetProperty("ingestDocument");
        Assert.Equal(1, report.GetProperty("documents").GetProperty("ingested").GetInt32());
        Assert.Equal("ingested", report.GetProperty("files")[0].GetProperty("outcome").GetString());
        Assert.Equal("billing.cdx.json", report.GetProperty("files")[0].GetProperty("source").GetString());
        Assert.True(report.GetProperty("nodesAdded").GetInt32() > 0);
    }

    [Fact]
    public async Task IngestDocumentMutation_Base64BadDocument_ReportsRejection()
    {
        var content = Convert.ToBase64String(await File.ReadAllBytesAsync(ServerFixture.Fixture("component-without-name.cdx.json")));

        var data = await _server.DataAsync("mutation($c: String!) { ingestDocument(content: $c, encoding: \"base64\") { documents { rejected } files { outcome location reason } } }", new { c = content }, _ingester);

        var file = data.GetProperty("ingestDocument").GetProperty("files")[0];
        Assert.Equal("rejected", file.GetProperty("outcome").GetString());
        Assert.Equal("/components/1", file.GetProperty("location").GetString());
    }

    [Fact]
    public async Task IngestDocumentMutation_ReaderKey_Forbidden()
    {
        var (status, body) = await _server.GraphQLAsync("mutation { ingestDocument(content: \"{}\") { nodesAdded } }", key: _reader);

        Assert.Equal(200, status);
        Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, (await _server.DataAsync("{ documents(filter: { nameContains: \"upload\" }) { totalCount } }", key: _reader)).GetProperty("documents").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task PostDocument_InventoryWithEnvironmentAndCluster_NamesTheDeployments()
    {
        const string Pod = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"api-0","namespace":"shop"},
             "spec":{"containers":[{"name":"api","image":"registry.example.com/shop/api:1.4.2"}]}}
            """;
        using var client = _server.Client(_ingester);
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Pod));

        using var response = await client.PostAsync(new Uri("/api/v1/documents?filename=pod.json&environment=production&cluster=eu-1", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = await _server.DataAsync("{ search(text: \"production/eu-1/shop\", first: 5) { edges { node { kind key } } } }", key: _reader);
        Assert.Contains(
            data.GetProperty("search").GetProperty("edges").EnumerateArray(),
            e => e.GetProperty("node").GetProperty("key").GetString() == "production/eu-1/shop/pod/api-0");
    }
}
