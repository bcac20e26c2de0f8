using ArtifactGraph.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactGraph.Bench.Suites;

/// <summary>A started in-process web app on a free loopback port; disposing stops it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public Uri GraphQL => new(Address, "/graphql");

    public Uri Raw => new(Address, "/raw");

    public static async Task<RunningServer> StartAsync(WebApplication app)
    {
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningServer(app, new Uri(address));
    }

    /// <summary>
    /// The real server as <c>artifactgraph serve --db FILE</c> starts it (ServerHost), bound to a free
    /// loopback port (so anonymous reading is allowed), once <c>/readyz</c> says the index is loaded.
    /// </summary>
    /// <param name="args">Configuration on the command line, e.g. <c>--Server:ResponseCacheEnabled=false</c>.</param>
    public static async Task<RunningServer> StartArtifactGraphAsync(string database, params string[] args)
    {
        var app = ServerHost.Build(ServerHost.CreateBuilder(args, new ServerStartup { DatabasePath = database, Urls = "http://127.0.0.1:0" }));
        var server = await StartAsync(app).ConfigureAwait(false);
        using var http = new HttpClient { BaseAddress = server.Address };
        for (var attempt = 0; attempt < 2_400; attempt++)
        {
            using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative)).ConfigureAwait(false);
            if (ready.IsSuccessStatusCode)
            {
                return server;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        await server.DisposeAsync().ConfigureAwait(false);
        throw new TimeoutException("the server did not report ready within 120 s");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
