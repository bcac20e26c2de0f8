using ArtifactGraph.Storage.Sqlite.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Migrations;

/// <summary>
/// Takes <c>nodes</c> back to what a version 9 build has: the table as 001 created it, with its UNIQUE (kind, key) and
/// without migration 010's staged column and indexes, holding the same rows; and forgets 010's record.
/// </summary>
internal static class NodesBeforeStaging
{
    public static void Restore(string path)
    {
        var table = CreateStatements(9, "nodes")[0];
        using var connection = TempDatabase.Connect(path);
        using var command = connection.CreateCommand();

        // Dropped and created under its own name (not renamed) so its CREATE statement reads exactly as 001's; edges
        // reference it, so foreign keys are off meanwhile, as the migration has them.
        command.CommandText =
            $"""
            PRAGMA foreign_keys = OFF;
            BEGIN;
            CREATE TEMP TABLE nodes_copy AS SELECT id, kind, key, name, properties FROM nodes;
            DROP TABLE nodes;
            {table};
            INSERT INTO nodes SELECT * FROM nodes_copy;
            DROP TABLE nodes_copy;
            DELETE FROM schema_migrations WHERE version >= 10;
            COMMIT;
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>The named tables' CREATE statements as migrations 001 to <paramref name="version"/> leave them, in name order.</summary>
    public static List<string> CreateStatements(int version, params string[] tables)
    {
        using var fresh = new TempDatabase();
        var path = fresh.NewPath();
        using var connection = TempDatabase.Connect(path);
        new MigrationRunner([.. Migration.LoadEmbedded().Where(m => m.Version <= version)], new FakeTimeProvider(), NullLogger.Instance).Apply(connection);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT sql FROM sqlite_master WHERE name IN ({string.Join(", ", tables.Select(t => $"'{t}'"))}) ORDER BY name;";
        using var reader = command.ExecuteReader();
        var statements = new List<string>();
        while (reader.Read())
        {
            statements.Add(reader.GetString(0));
        }

        return statements;
    }
}
