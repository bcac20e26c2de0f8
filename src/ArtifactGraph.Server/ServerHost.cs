using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Ingest;
using ArtifactGraph.Ingest.Pipeline;
using ArtifactGraph.Server.Auth;
using ArtifactGraph.Server.Endpoints;
using ArtifactGraph.Server.GraphQL;
using ArtifactGraph.Server.Operations;
using ArtifactGraph.Storage.Sqlite;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;

namespace ArtifactGraph.Server;

/// <summary>
/// Builds the server: one place for `artifactgraph serve`, `dotnet run` and the tests
/// (WebApplicationFactory intercepts <see cref="Build"/> through <c>Program</c>).
/// </summary>
public static class ServerHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args, ServerStartup? startup = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var overrides = new Dictionary<string, string?>();
        if (startup?.DatabasePath is { } path)
        {
            overrides["Store:Path"] = path;
        }

        overrides["urls"] = startup?.Urls ?? builder.Configuration["urls"] ?? ServerOptions.DefaultUrls;
        builder.Configuration.AddInMemoryCollection(overrides);

        builder.Host.UseSerilog(
            (context, services, logger) => logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            preserveStaticLogger: true);

        // Request bodies are bounded per endpoint (ServerOptions), with 413 answers of our own.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        AddServices(builder.Services, builder.Configuration);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        // The request logger must be the host's (the static Log.Logger is left alone: several hosts can
        // share a process in tests). One event per request: method, path, status and elapsed time.
        var serilog = app.Services.GetService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options => options.Logger = serilog);
        app.UseMiddleware<CallerMiddleware>();
        HealthEndpoints.Map(app);
        ExplorerEndpoint.Map(app);
        GraphQLEndpoint.Map(app);
        DocumentsEndpoint.Map(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddOptions<ServerOptions>().Bind(configuration.GetSection(ServerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        services.AddOptions<SqliteStoreOptions>().Bind(configuration.GetSection("Store"));
        services.AddSingleton(TimeProvider.System);

        // The server depends on IGraphStore only; this is the one line that picks the store.
        services.AddSingleton<IGraphStore>(sp => SqliteGraphStore.Open(
            sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SqliteGraphStore>>()));
        services.AddSingleton<GraphIndexHolder>();
        services.AddSingleton<Readiness>();
        services.AddHostedService<IndexLoader>();
        services.AddSingleton<IngestTracker>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestTracker>());
        services.AddSingleton(sp => new Ingestor(
            Readers.All,
            sp.GetRequiredService<IGraphStore>(),
            new IngestOptions(),
            sp.GetRequiredService<ILogger<Ingestor>>(),
            sp.GetRequiredService<GraphIndexHolder>()));
        services.AddSingleton<DocumentIngestion>();
        services.AddSingleton<AnonymousAccess>();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<ArtifactGraphSchema>();
        services.AddSingleton<GraphQLRunner>();
    }
}
