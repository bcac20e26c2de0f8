using ArtifactGraph.Storage.Postgres.Migrations;

namespace ArtifactGraph.Storage.Postgres.Tests.Migrations;

public sealed class MigrationTests
{
    [Fact]
    public void LoadEmbedded_Always_ReturnsScriptsInVersionOrderStartingAtOne()
    {
        var migrations = Migration.LoadEmbedded();

        Assert.Equal(1, migrations[0].Version);
        Assert.Equal("001_initial.sql", migrations[0].Name);
        Assert.Equal(migrations.Select(m => m.Version).Order(), migrations.Select(m => m.Version));
        Assert.Contains("CREATE TABLE documents", migrations[0].Sql, StringComparison.Ordinal);
    }

    /// <summary>Both stores' schemas move in step: the same versions, so one ontology change is one migration in each.</summary>
    [Fact]
    public void LoadEmbedded_Always_HasTheSqliteStoresVersions()
    {
        var root = ArtifactGraph.TestSupport.Corpus.RepositoryRoot;
        var sqlite = Directory.EnumerateFiles(Path.Combine(root, "graph-schema", "sql", "sqlite"), "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(sqlite, Migration.LoadEmbedded().Select(m => m.Name));
    }
}
