using ArtifactGraph.Storage.Sqlite.Migrations;

namespace ArtifactGraph.Storage.Sqlite.Tests.Migrations;

public sealed class MigrationTests
{
    [Fact]
    public void LoadEmbedded_Always_ReturnsScriptsInVersionOrderStartingAtOne()
    {
        var migrations = Migration.LoadEmbedded();

        Assert.NotEmpty(migrations);
        Assert.Equal(1, migrations[0].Version);
        Assert.Equal("001_initial.sql", migrations[0].Name);
        Assert.Equal(migrations.Select(m => m.Version).Order(), migrations.Select(m => m.Version));
        Assert.Contains("CREATE TABLE documents", migrations[0].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadEmbedded_Version5_CarriesTheDocumentRowsBackfill()
    {
        var migrations = Migration.LoadEmbedded();

        Assert.NotNull(Migration.StepFor(migrations.Single(m => m.Version == 5).Version));
        Assert.All(migrations.Where(m => m.Version != 5), m => Assert.Null(Migration.StepFor(m.Version)));
    }
}
