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
    public void LoadEmbedded_Versions5And8_CarryTheirCodeSteps()
    {
        var migrations = Migration.LoadEmbedded();

        // 005 fills document_rows from the pair tables; 008 turns the pair tables into blocks.
        Assert.Equal(DocumentRowsBackfill.Run, Migration.StepFor(migrations.Single(m => m.Version == 5).Version));
        Assert.Equal(ProvenanceBlocksBackfill.Run, Migration.StepFor(migrations.Single(m => m.Version == 8).Version));
        Assert.All(migrations.Where(m => m.Version is not (5 or 8)), m => Assert.Null(Migration.StepFor(m.Version)));
    }
}
