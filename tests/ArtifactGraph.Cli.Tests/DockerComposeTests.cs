using System.Text.RegularExpressions;
using ArtifactGraph.TestSupport;
using Npgsql;
using YamlDotNet.RepresentationModel;

namespace ArtifactGraph.Cli.Tests;

/// <summary>
/// docker-compose.yml and the Dockerfile cannot be run here (no Docker engine), so their wiring is checked:
/// a PostgreSQL 15 service with a health check and a volume, and the ArtifactGraph service built from the
/// Dockerfile, waiting for PostgreSQL to be healthy, publishing 5480 and pointing its store at that service.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly string Root = Corpus.RepositoryRoot;

    private static YamlMappingNode Compose()
    {
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)((YamlMappingNode)Compose()["services"])[name];

    private static string Scalar(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node)[key];
        }

        return ((YamlScalarNode)node).Value!;
    }

    private static List<string> Sequence(YamlNode node) => ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    /// <summary>Compose's ${VAR:-default} with the default taken, as `docker compose` would with VAR unset.</summary>
    private static string Interpolate(string value) => DefaultVariable().Replace(value, m => m.Groups[1].Value);

    [GeneratedRegex(@"\$\{[A-Z_]+:-([^}]*)\}")]
    private static partial Regex DefaultVariable();

    [Fact]
    public void Postgres_Service_IsVersion15WithHealthCheckAndVolume()
    {
        var postgres = Service("postgres");

        Assert.StartsWith("postgres:15", Scalar(postgres, "image"), StringComparison.Ordinal);
        Assert.Contains(Sequence(postgres["healthcheck"]["test"]), part => part.Contains("pg_isready", StringComparison.Ordinal));
        var volume = Assert.Single(Sequence(postgres["volumes"]));
        Assert.EndsWith(":/var/lib/postgresql/data", volume, StringComparison.Ordinal);
        Assert.True(((YamlMappingNode)Compose()["volumes"]).Children.ContainsKey(volume.Split(':')[0]), $"volume {volume} is not declared");
    }

    [Fact]
    public void ArtifactGraph_Service_WaitsForHealthyPostgresAndPublishes5480()
    {
        var service = Service("artifactgraph");

        Assert.Equal("service_healthy", Scalar(service, "depends_on", "postgres", "condition"));
        Assert.Contains("5480:5480", Sequence(service["ports"]));
        var command = Sequence(service["command"]);
        Assert.Equal("serve", command[0]);
        Assert.Equal("http://0.0.0.0:5480", command[command.IndexOf("--urls") + 1]);
        Assert.Equal("Dockerfile", Scalar(service, "build", "dockerfile"));
        Assert.True(File.Exists(Path.Combine(Root, Scalar(service, "build", "context"), "Dockerfile")));
    }

    [Fact]
    public void ArtifactGraph_ConnectionStrings_PointAtThePostgresServiceAndItsCredentials()
    {
        var service = Service("artifactgraph");
        var postgres = Service("postgres");
        var command = Sequence(service["command"]);
        var fromCommand = Interpolate(command[command.IndexOf("--postgres") + 1]);
        var fromEnvironment = Interpolate(Scalar(service, "environment", "ARTIFACTGRAPH_POSTGRES"));

        foreach (var connectionString in new[] { fromCommand, fromEnvironment })
        {
            var settings = new NpgsqlConnectionStringBuilder(connectionString);
            Assert.Equal("postgres", settings.Host);
            Assert.Equal(5432, settings.Port);
            Assert.Equal(Scalar(postgres, "environment", "POSTGRES_USER"), settings.Username);
            Assert.Equal(Scalar(postgres, "environment", "POSTGRES_DB"), settings.Database);
            Assert.Equal(Interpolate(Scalar(postgres, "environment", "POSTGRES_PASSWORD")), settings.Password);
        }
    }

    [Fact]
    public void Dockerfile_BuildsWithSdkRunsOnAspNetAndPublishesAProjectThatExists()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "Dockerfile")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0", froms[0], StringComparison.Ordinal);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", froms[^1], StringComparison.Ordinal);
        var publish = Assert.Single(lines, l => l.Contains("dotnet publish", StringComparison.Ordinal));
        var project = publish.Split(' ').Single(w => w.EndsWith(".csproj", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Root, project)), $"{project} does not exist");
        // The entrypoint runs the assembly that project builds.
        var assembly = Regex.Match(File.ReadAllText(Path.Combine(Root, project)), "<AssemblyName>(.+)</AssemblyName>").Groups[1].Value;
        Assert.Contains($"\"/app/{assembly}.dll\"", Assert.Single(lines, l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("EXPOSE 5480", lines);
        Assert.Contains(lines, l => l.StartsWith("CMD [\"serve\"", StringComparison.Ordinal));
    }

    /// <summary>
    /// The CLI's runtimeconfig turns tiered PGO off for short commands; the image runs the long-lived server,
    /// which needs it back on, and ships precompiled code for the architecture it is built for.
    /// </summary>
    [Fact]
    public void Dockerfile_ServerImage_TurnsTieredPgoBackOnAndPublishesReadyToRun()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "Dockerfile")).Select(l => l.Trim()).ToList();
        var cliConfig = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "artifactgraph.runtimeconfig.json"));

        Assert.Contains("\"System.Runtime.TieredPGO\": false", cliConfig, StringComparison.Ordinal);
        Assert.Contains("ENV DOTNET_TieredPGO=1", lines);
        var publish = Assert.Single(lines, l => l.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("-p:PublishReadyToRun=true", publish, StringComparison.Ordinal);
        Assert.Contains("-a \"$TARGETARCH\"", publish, StringComparison.Ordinal);
        Assert.Contains("ARG TARGETARCH", lines);
    }

    /// <summary>
    /// The CLI's runtimeconfig turns background GC off, which lets a bulk ingest's gen0 budget grow; the server the
    /// image runs keeps it, for shorter pauses under requests.
    /// </summary>
    [Fact]
    public void Dockerfile_ServerImage_TurnsBackgroundGcBackOn()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "Dockerfile")).Select(l => l.Trim()).ToList();
        var cliConfig = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "artifactgraph.runtimeconfig.json"));

        Assert.Contains("\"System.GC.Concurrent\": false", cliConfig, StringComparison.Ordinal);
        Assert.Contains("ENV DOTNET_gcConcurrent=1", lines);
    }
}
