using ArtifactGraph.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ArtifactGraph.Storage.Sqlite.Migrations;

/// <summary>
/// Applies the embedded migrations not yet recorded in <c>schema_migrations</c>, each in its own
/// immediate transaction, so opening a database twice (or from two processes) applies each once.
/// </summary>
internal sealed class MigrationRunner(IReadOnlyList<SchemaMigration> migrations, TimeProvider timeProvider, ILogger logger)
{
    private const string CreateTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);";

    /// <summary>Returns the versions applied by this call.</summary>
    public IReadOnlyList<int> Apply(SqliteConnection connection)
    {
        SqliteConnections.Execute(connection, CreateTable);
        var applied = new List<int>();
        foreach (var migration in migrations)
        {
            var foreignKeysOff = Migration.RebuildsReferencedTable(migration.Version);
            if (foreignKeysOff)
            {
                SqliteConnections.Execute(connection, "PRAGMA foreign_keys = OFF;");
            }

            try
            {
                if (ApplyOne(connection, migration))
                {
                    applied.Add(migration.Version);
                }
            }
            finally
            {
                if (foreignKeysOff)
                {
                    SqliteConnections.Execute(connection, "PRAGMA foreign_keys = ON;");
                }
            }
        }

        RejectNewerSchema(connection);
        return applied;
    }

    /// <summary>Applies one version in its own immediate transaction; false when it was already applied.</summary>
    private bool ApplyOne(SqliteConnection connection, SchemaMigration migration)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        if (IsApplied(connection, transaction, migration.Version))
        {
            return false;
        }

        using (var script = connection.CreateCommand())
        {
            script.Transaction = transaction;
            script.CommandText = migration.Sql;
            script.ExecuteNonQuery();
        }

        Migration.StepFor(migration.Version)?.Invoke(connection, transaction);

        using (var record = connection.CreateCommand())
        {
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at);";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$name", migration.Name);
            record.Parameters.AddWithValue("$at", SqliteTimestamps.Format(timeProvider.GetUtcNow()));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        Log.MigrationApplied(logger, migration.Version, migration.Name);
        return true;
    }

    private static bool IsApplied(SqliteConnection connection, SqliteTransaction transaction, int version)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM schema_migrations WHERE version = $version;";
        command.Parameters.AddWithValue("$version", version);
        return command.ExecuteScalar() is not null;
    }

    private void RejectNewerSchema(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations;";
        SchemaMigration.RejectNewerSchema(migrations, (long)command.ExecuteScalar()!);
    }
}
