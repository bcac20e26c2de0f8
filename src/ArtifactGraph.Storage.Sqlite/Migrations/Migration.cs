using ArtifactGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Migrations;

/// <summary>
/// This store's schema scripts, graph-schema/sql/sqlite/NNN_name.sql, embedded by the csproj under Migrations/.
/// Finding, ordering and checking them is <see cref="SchemaMigration"/>'s, shared with the other store.
/// </summary>
internal static class Migration
{
    private const string ResourcePrefix = "ArtifactGraph.Storage.Sqlite.Migrations.";

    /// <summary>The embedded scripts in file-name order.</summary>
    public static IReadOnlyList<SchemaMigration> LoadEmbedded() => SchemaMigration.LoadEmbedded(typeof(Migration).Assembly, ResourcePrefix);

    /// <summary>Code run after a version's script, in its transaction, for what SQL cannot do (e.g. 005's id lists).</summary>
    public static Action<SqliteConnection, SqliteTransaction>? StepFor(int version) => version switch
    {
        5 => DocumentRowsBackfill.Run,
        8 => ProvenanceBlocksBackfill.Run,
        _ => null,
    };

    /// <summary>
    /// Versions whose script rebuilds a table other tables reference (010 drops and recreates <c>nodes</c>): SQLite's
    /// procedure for that runs with foreign keys off, and the setting cannot change inside a transaction, so the runner
    /// turns it off before the version's transaction and back on after. The ids are copied as they are, so no
    /// reference can break.
    /// </summary>
    public static bool RebuildsReferencedTable(int version) => version == 10;
}
