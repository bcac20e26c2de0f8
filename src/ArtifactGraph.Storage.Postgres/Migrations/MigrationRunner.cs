using ArtifactGraph.Core.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Migrations;

/// <summary>
/// Applies the embedded migrations not yet recorded in <c>schema_migrations</c>, all in one transaction
/// under an advisory lock: PostgreSQL's DDL is transactional, so a failed migration leaves the schema as it
/// was, and a second process opening the database waits and then finds everything applied.
/// </summary>
internal sealed class MigrationRunner(IReadOnlyList<SchemaMigration> migrations, TimeProvider timeProvider, ILogger logger)
{
    private const string CreateTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL);";

    /// <summary>Returns the versions applied by this call.</summary>
    public IReadOnlyList<int> Apply(NpgsqlConnection connection, string? schema)
    {
        var applied = new List<int>();
        using var transaction = connection.BeginTransaction();
        using (var lockCommand = new NpgsqlCommand(AdvisoryLocks.Migrate, connection, transaction).WithText(schema))
        {
            lockCommand.ExecuteNonQuery();
        }

        if (schema is not null)
        {
            // Validated as a plain identifier by PostgresStoreOptions. Under the lock: two processes racing
            // to CREATE SCHEMA IF NOT EXISTS would otherwise fail one of them on the catalog's unique index.
            Execute(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {schema};");
        }

        Execute(connection, transaction, CreateTable);
        var done = AppliedVersions(connection, transaction);
        foreach (var migration in migrations.Where(m => !done.Contains(m.Version)))
        {
            Execute(connection, transaction, migration.Sql);
            using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3);", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
            record.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow() });
            record.ExecuteNonQuery();
            applied.Add(migration.Version);
        }

        SchemaMigration.RejectNewerSchema(migrations, done.Count == 0 ? 0 : done.Max());
        transaction.Commit();
        foreach (var version in applied)
        {
            Log.MigrationApplied(logger, version, migrations.First(m => m.Version == version).Name);
        }

        return applied;
    }

    private static HashSet<int> AppliedVersions(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand("SELECT version FROM schema_migrations;", connection, transaction);
        using var reader = command.ExecuteReader();
        var versions = new HashSet<int>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
