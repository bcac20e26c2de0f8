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

    /// <summary>
    /// Both stores' schemas move in step for the graph: the same migrations, by name, in the same order, so one
    /// ontology change is one migration in each. A store may add its own internal ones (first line says
    /// "SQLite only" or "PostgreSQL only", e.g. either store's 005_document_rows.sql), so the numbers are per store
    /// and only the names of the shared ones are compared.
    /// </summary>
    [Fact]
    public void LoadEmbedded_Always_HasTheSqliteStoresSharedMigrations()
    {
        var root = ArtifactGraph.TestSupport.Corpus.RepositoryRoot;
        var sqlite = Directory.EnumerateFiles(Path.Combine(root, "graph-schema", "sql", "sqlite"), "*.sql")
            .Order(StringComparer.Ordinal)
            .Where(f => !File.ReadLines(f).First().Contains("SQLite only", StringComparison.Ordinal))
            .Select(f => Stem(Path.GetFileName(f)));

        var postgres = Migration.LoadEmbedded()
            .Where(m => !m.Sql.AsSpan(0, m.Sql.IndexOf('\n', StringComparison.Ordinal)).Contains("PostgreSQL only", StringComparison.Ordinal))
            .Select(m => Stem(m.Name));

        Assert.Equal(sqlite, postgres);
    }

    private static string Stem(string fileName) => fileName[(fileName.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
