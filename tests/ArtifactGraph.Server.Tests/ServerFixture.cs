using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ArtifactGraph.Cli;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ArtifactGraph.Server.Tests;

/// <summary>
/// The server in-process (WebApplicationFactory) over a temporary database that the CLI seeded with
/// ingest/samples/sboms, so GraphQL answers can be compared with the CLI's on the same data.
/// </summary>
public sealed class ServerFixture : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ag-server-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private WebApplicationFactory<ServerEntryPoint>? _factory;

    public ServerFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    internal ServerFixture(Dictionary<string, string?> settings, bool seed = true)
    {
        _settings = settings;
        if (seed)
        {
            Assert.Equal(0, Cli("ingest", Samples).Exit);
        }
    }

    public string Database => Path.Combine(_dir, "graph.db");

    /// <summary>The demo SBOMs (the other sample folders hold formats that later issues add readers for).</summary>
    public static string Samples => Path.Combine(TestSupport.Corpus.RepositoryRoot, "ingest", "samples", "sboms");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "uploads", name);

    public WebApplicationFactory<ServerEntryPoint> Factory => _factory ??= Start(_settings);

    public IServiceProvider Services => Factory.Services;

    /// <summary>Runs the CLI in-process on the same database.</summary>
    public (int Exit, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run([.. args, "--db", Database], stdout, stderr, interactive: false, TimeProvider.System);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public JsonElement CliJson(params string[] args) => JsonDocument.Parse(CliJsonNode(args).ToJsonString()).RootElement.Clone();

    public System.Text.Json.Nodes.JsonNode CliJsonNode(params string[] args)
    {
        var (exit, output, error) = Cli([.. args, "--json"]);
        Assert.True(exit is 0 or 1, $"exit {exit}: {error}");
        return System.Text.Json.Nodes.JsonNode.Parse(output)!;
    }

    /// <summary>Creates an API key with the CLI (before or while the server runs) and returns it.</summary>
    public string CreateKey(string role) => CliJson("keys", "create", "--role", role).GetProperty("key").GetString()!;

    public HttpClient Client(string? key = null)
    {
        var client = Factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>POSTs a GraphQL request; returns the status and the parsed body.</summary>
    public async Task<(int Status, JsonElement Body)> GraphQLAsync(string query, object? variables = null, string? key = null, string accept = "application/graphql-response+json")
    {
        using var client = Client(key);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The data of a successful query (fails the test on errors).</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null, string? key = null)
    {
        var (status, body) = await GraphQLAsync(query, variables, key);
        Assert.True(status == 200 && !body.TryGetProperty("errors", out _), $"HTTP {status}: {body}");
        return body.GetProperty("data");
    }

    /// <summary>A second server over the same database with other settings (to compare two configurations on one graph); the caller disposes it.</summary>
    public WebApplicationFactory<ServerEntryPoint> StartAnother(Dictionary<string, string?> settings) => Start(settings);

    private WebApplicationFactory<ServerEntryPoint> Start(Dictionary<string, string?> settings)
    {
        var factory = new WebApplicationFactory<ServerEntryPoint>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Store:Path", Database);
            foreach (var (name, value) in settings)
            {
                builder.UseSetting(name, value);
            }
        });
        using var client = factory.CreateClient();
        for (var i = 0; i < 1200; i++)
        {
            if (client.GetAsync(new Uri("/readyz", UriKind.Relative)).GetAwaiter().GetResult().IsSuccessStatusCode)
            {
                return factory;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException("the server did not become ready");
    }

    public void Dispose()
    {
        _factory?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
