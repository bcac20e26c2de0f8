namespace ArtifactGraph.Server.Tests.Auth;

/// <summary>provenance and image follow the read rules of the other queries: a reader key answers, no key is refused when anonymous reading is off.</summary>
public sealed class ReportFieldsAuthTests : IDisposable
{
    private const string Query = "{ provenance(subject: \"pkg:npm/shop-api@1.4.2\") { found } image(ref: \"registry.example.com/shop/web:3.1.0\") { counts { contents } } }";

    private readonly ServerFixture _server = new(new Dictionary<string, string?> { ["Server:AllowAnonymousRead"] = "false" });

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task ProvenanceAndImage_NoKey_401()
    {
        var (status, body) = await _server.GraphQLAsync(Query);

        Assert.Equal(401, status);
        Assert.Equal("UNAUTHENTICATED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ProvenanceAndImage_ReaderKey_Answer()
    {
        var key = _server.CreateKey("reader");

        var data = await _server.DataAsync(Query, key: key);

        Assert.False(data.GetProperty("provenance").GetProperty("found").GetBoolean());
        Assert.Equal(10, data.GetProperty("image").GetProperty("counts").GetProperty("contents").GetInt32());
    }
}
