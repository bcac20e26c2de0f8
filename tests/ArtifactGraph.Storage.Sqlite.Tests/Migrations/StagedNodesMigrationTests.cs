using ArtifactGraph.Storage.Sqlite.Migrations;
using ArtifactGraph.Storage.Sqlite.Reading;
using ArtifactGraph.Storage.Sqlite.Tests.Provenance;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Migrations;

/// <summary>Migration 010: <c>nodes</c> rebuilt with its (kind, key) index partial, on a database written at version 9.</summary>
public sealed class StagedNodesMigrationTests : IDisposable
{
    private const string NodeRows = "SELECT group_concat(id || ' ' || kind || ' ' || key || ' ' || coalesce(name, '-') || ' ' || properties, char(10)) FROM (SELECT * FROM nodes ORDER BY id);";

    private readonly TempDatabase _database = new();

    [Fact]
    public void Open_DatabaseAtVersion9_KeepsEveryNodeMergedUnderTheSameIdAndAnswersAsBefore()
    {
        var documents = ProvenanceAnswers.Documents();
        var path = _database.NewPath();
        var expected = ProvenanceAnswers.CommitMerged(path, documents);
        var rows = TempDatabase.Scalar<string>(path, NodeRows);
        NodesBeforeStaging.Restore(path);
        Assert.Equal(1L, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_autoindex_nodes_1';"));

        using var migrated = ProvenanceMergerTests.Open(path, mergeIds: 0);

        Assert.Equal(expected, ProvenanceAnswers.Of(migrated, documents));
        Assert.Equal(rows, TempDatabase.Scalar<string>(path, NodeRows));
        Assert.Equal(0L, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM nodes WHERE staged <> 0;"));
        Assert.Equal(0L, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_autoindex_nodes_1';"));
        Assert.Equal(0L, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM pragma_foreign_key_check;"));
    }

    [Fact]
    public void Apply_RebuildingNodes_TurnsForeignKeysBackOn()
    {
        var path = _database.NewPath();
        using var connection = TempDatabase.Connect(path);
        SqliteConnections.Execute(connection, "PRAGMA foreign_keys = ON;");

        var applied = new MigrationRunner(Migration.LoadEmbedded(), new FakeTimeProvider(), NullLogger.Instance).Apply(connection);

        Assert.Contains(10, applied);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys;";
        Assert.Equal(1L, (long)command.ExecuteScalar()!);
    }

    /// <summary>The statements the writer and the readers run, with their parameters filled in.</summary>
    public static TheoryData<string, string> Lookups() => new()
    {
        { Filled(NodeLookup.Merged("n.id, n.name IS NOT NULL, n.properties")), "SEARCH n USING INDEX nodes_key (kind=? AND key=?)" },
        { Filled(NodeLookup.ByKey("n.id")), "SEARCH n USING COVERING INDEX nodes_key (kind=? AND key=?)" },
        { "SELECT id, kind, key FROM nodes WHERE staged = 1 AND id > 5 ORDER BY id;", "SEARCH nodes USING INDEX nodes_staged (id>?)" },
    };

    /// <summary>The writer's and readers' lookups of a merged node by key must use the partial index, not scan the table.</summary>
    [Theory]
    [MemberData(nameof(Lookups))]
    public void NodeLookup_UsesThePartialIndexes(string sql, string step)
    {
        var path = _database.NewPath();
        TempDatabase.Open(path).Dispose();

        var plan = TempDatabase.QueryPlan(path, sql);

        Assert.Contains(step, plan);
        Assert.DoesNotContain(plan, s => s.StartsWith("SCAN nodes", StringComparison.Ordinal) || s == "SCAN n");
    }

    public void Dispose() => _database.Dispose();

    private static string Filled(string sql) => sql.Replace("$kind", "1", StringComparison.Ordinal).Replace("$key", "'a'", StringComparison.Ordinal);
}
