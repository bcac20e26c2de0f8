using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactGraph.Server.Tests;

/// <summary>The real host (Kestrel on a free loopback port), started as `artifactgraph serve` starts it, over HTTP.</summary>
public sealed class RealServerTests
{
    [Fact]
    public async Task Serve_LoopbackPort_AnswersHealthAndGraphQLOverHttp()
    {
        using var seeded = new ServerFixture(new Dictionary<string, string?>());
        await using var app = ServerHost.Build(ServerHost.CreateBuilder([], new ServerStartup { DatabasePath = seeded.Database, Urls = "http://127.0.0.1:0" }));
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            HttpResponseMessage ready;
            var attempts = 0;
            while (!(ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode && attempts++ < 1200)
            {
                ready.Dispose();
                await Task.Delay(50);
            }

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            ready.Dispose();
            using var response = await http.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = "{ dependents(target: \"pkg:npm/lodash\", kinds: [Image]) { totalCount } }" });
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(2, body.GetProperty("data").GetProperty("dependents").GetProperty("totalCount").GetInt32());
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
