using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries.BlastRadius;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactGraph.Server.Tests.GraphQL.Queries;

/// <summary>Blast-radius answers cached per snapshot: reused within one, never across a commit.</summary>
public sealed class BlastRadiusCacheTests : IDisposable
{
    private const string Query = "{ blastRadius(purl: \"pkg:npm/lodash\") { counts { images } images(first: 50) { totalCount edges { node { key } } } } }";

    private readonly ServerFixture _server = new();

    public void Dispose() => _server.Dispose();

    private GraphIndex Snapshot => _server.Services.GetRequiredService<GraphIndexHolder>().Current;

    private IGraphStore Store => _server.Services.GetRequiredService<IGraphStore>();

    private static List<string?> ImageKeys(JsonElement data) =>
        data.GetProperty("blastRadius").GetProperty("images").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("key").GetString()).ToList();

    [Fact]
    public async Task BlastRadius_DocumentIngestedBetweenQueries_AnswersFromTheNewSnapshot()
    {
        var before = await _server.DataAsync(Query);
        var again = await _server.DataAsync(Query);
        var old = Snapshot;
        Assert.Equal(1, BlastRadiusCache.For(old, Store).Count);
        Assert.Equal(ImageKeys(before), ImageKeys(again));

        using var client = _server.Client(_server.CreateKey("ingester"));
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(ServerFixture.Fixture("image-with-lodash.cdx.json")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri("/api/v1/documents?filename=image-with-lodash.cdx.json", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await _server.DataAsync(Query);

        Assert.NotSame(old, Snapshot);
        var count = before.GetProperty("blastRadius").GetProperty("counts").GetProperty("images").GetInt32();
        Assert.Equal(count + 1, after.GetProperty("blastRadius").GetProperty("counts").GetProperty("images").GetInt32());
        Assert.Contains("sha256:5f0c2a7e9b1d4c3a8e6f2b0d9c7a5e3f1b8d6c4a2e0f9b7d5c3a1e8f6b4d2c0a", ImageKeys(after));
    }

    [Fact]
    public void Get_SameRequestTwice_ComputesOnce()
    {
        var cache = new BlastRadiusCache(Snapshot, Store);

        var first = cache.Get(new BlastRadiusRequest { Purl = "pkg:npm/lodash" });
        var second = cache.Get(new BlastRadiusRequest { Purl = "pkg:npm/lodash" });
        var deeper = cache.Get(new BlastRadiusRequest { Purl = "pkg:npm/lodash", MaxDepth = 1 });

        Assert.Same(first, second);
        Assert.NotSame(first, deeper);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Get_EnvironmentOrdersEqualByValue_ShareTheAnswer()
    {
        var cache = new BlastRadiusCache(Snapshot, Store);

        var first = cache.Get(new BlastRadiusRequest { Purl = "pkg:npm/lodash", EnvironmentOrder = ["staging", "production"] });
        var same = cache.Get(new BlastRadiusRequest { Purl = "pkg:npm/lodash", EnvironmentOrder = ["staging", "production"] });
        var other = cache.Get(new BlastRadiusRequest { Purl = "pkg:npm/lodash", EnvironmentOrder = ["production", "staging"] });

        Assert.Same(first, same);
        Assert.NotSame(first, other);
    }

    [Fact]
    public void Get_CapacityReached_StartsOver()
    {
        var cache = new BlastRadiusCache(Snapshot, Store, capacity: 2);
        var first = cache.Get(new BlastRadiusRequest { Purl = "pkg:npm/lodash" });
        cache.Get(new BlastRadiusRequest { Purl = "pkg:npm/lodash", MaxDepth = 1 });

        cache.Get(new BlastRadiusRequest { Purl = "pkg:npm/lodash", MaxDepth = 2 });

        Assert.Equal(1, cache.Count);
        Assert.NotSame(first, cache.Get(new BlastRadiusRequest { Purl = "pkg:npm/lodash" }));
    }

    [Fact]
    public void For_AnotherSnapshot_IsAnotherCache()
    {
        var snapshot = Snapshot;
        var reloaded = new GraphIndexHolder().LoadFrom(Store);

        Assert.Same(BlastRadiusCache.For(snapshot, Store), BlastRadiusCache.For(snapshot, Store));
        Assert.NotSame(BlastRadiusCache.For(snapshot, Store), BlastRadiusCache.For(reloaded, Store));
    }
}
