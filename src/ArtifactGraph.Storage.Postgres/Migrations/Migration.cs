using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Storage.Postgres.Migrations;

/// <summary>
/// This store's schema scripts, graph-schema/sql/postgres/NNN_name.sql, embedded by the csproj under Migrations/.
/// Finding, ordering and checking them is <see cref="SchemaMigration"/>'s, shared with the other store.
/// </summary>
internal static class Migration
{
    private const string ResourcePrefix = "ArtifactGraph.Storage.Postgres.Migrations.";

    /// <summary>The embedded scripts in file-name order.</summary>
    public static IReadOnlyList<SchemaMigration> LoadEmbedded() => SchemaMigration.LoadEmbedded(typeof(Migration).Assembly, ResourcePrefix);
}
