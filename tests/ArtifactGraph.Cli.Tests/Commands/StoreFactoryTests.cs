using System.Text.Json;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Cli.Tests.Commands;

/// <summary>
/// The CLI against PostgreSQL (--postgres) answers exactly as against SQLite (--db): the same samples
/// ingested into both, the same queries, the same JSON.
/// </summary>
public sealed class StoreFactoryTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly CliRunner _sqlite = new();

    // The SBOMs only: the samples' other folders wait for readers still being built elsewhere.
    private static string Sboms => Path.Combine(CliRunner.Samples, "sboms");

    public void Dispose() => _sqlite.Dispose();

    private (int Exit, string Out, string Err) RunPostgres(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run([.. args, "--postgres", database.ConnectionString], stdout, stderr, interactive: false, TimeProvider.System);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void IngestThenDependents_Postgres_SameAnswerAsSqlite()
    {
        var ingest = RunPostgres("ingest", Sboms, "--json");
        Assert.True(ingest.Exit == 0, ingest.Err);
        Assert.Equal(0, _sqlite.Run("ingest", Sboms).Exit);

        foreach (var purl in new[] { "pkg:npm/lodash", "pkg:npm/ms@2.0.0" })
        {
            var postgres = RunPostgres("dependents", purl, "--json");
            Assert.True(postgres.Exit == 0, postgres.Err);
            Assert.Equal(Normalize(_sqlite.Run("dependents", purl, "--json").Out), Normalize(postgres.Out));
            Assert.Contains("registry.example.com/shop/api:1.4.2", postgres.Out, StringComparison.Ordinal);
        }

        var stats = JsonDocument.Parse(RunPostgres("stats", "--json").Out).RootElement;
        var sqliteStats = _sqlite.Json("stats");
        Assert.Equal(sqliteStats.GetProperty("documents").GetInt64(), stats.GetProperty("documents").GetInt64());
    }

    [Fact]
    public void Ingest_SameSamplesTwiceIntoPostgres_SecondTimeAddsNothing()
    {
        Assert.Equal(0, RunPostgres("ingest", Sboms).Exit);
        var before = RunPostgres("stats", "--json").Out;

        Assert.Equal(0, RunPostgres("ingest", Sboms).Exit);

        Assert.Equal(before, RunPostgres("stats", "--json").Out);
    }

    [Fact]
    public void Run_DbAndPostgresTogether_IsUsageError()
    {
        var (exit, _, err) = RunPostgres("stats", "--db", _sqlite.Database);

        Assert.Equal(2, exit);
        Assert.Contains("--postgres", err, StringComparison.Ordinal);
    }

    // Re-serialized so only formatting could differ; the answers themselves must be identical.
    private static string Normalize(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}

/// <summary>The SQLite options a command opens its store with (no server needed, unlike the tests above).</summary>
public sealed class StoreFactoryOptionsTests
{
    [Fact]
    public void SqliteOptions_Ingest_LiftsTheProvenanceMergeCapCheckpointsAndMergesNodesLessOthersKeepThem()
    {
        var args = ArtifactGraph.Cli.CommandLine.CommandArgs.Parse(["--db", "x.db"], ArtifactGraph.Cli.CommandLine.GlobalOptions.Values.ToHashSet(), ArtifactGraph.Cli.CommandLine.GlobalOptions.Flags.ToHashSet());
        var defaults = new ArtifactGraph.Storage.Sqlite.SqliteStoreOptions { Path = "x.db" };

        var bulk = ArtifactGraph.Cli.Commands.StoreFactory.SqliteOptions(args, bulk: true);
        var query = ArtifactGraph.Cli.Commands.StoreFactory.SqliteOptions(args, bulk: false);

        Assert.Equal(long.MaxValue, bulk.ProvenanceMergeMaxIds);
        Assert.Equal(defaults.ProvenanceMergeMaxIds, query.ProvenanceMergeMaxIds);
        Assert.Equal(defaults.ProvenanceMergeIds, bulk.ProvenanceMergeIds);
        Assert.Equal(ArtifactGraph.Storage.Sqlite.SqliteStoreOptions.BulkWalAutocheckpointPages, bulk.WalAutocheckpointPages);
        Assert.Equal(defaults.WalAutocheckpointPages, query.WalAutocheckpointPages);
        Assert.Equal(ArtifactGraph.Storage.Sqlite.SqliteStoreOptions.BulkNodeMergeRows, bulk.NodeMergeRows);
        Assert.Equal(defaults.NodeMergeRows, query.NodeMergeRows);
        Assert.Equal("x.db", bulk.Path);
    }
}
