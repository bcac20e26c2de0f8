using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Storage.Postgres;
using ArtifactGraph.Storage.Sqlite;
using Microsoft.Extensions.Logging;

namespace ArtifactGraph.Cli.Commands;

/// <summary>The one place a command's store is chosen: PostgreSQL when asked for (see GlobalOptions), else SQLite.</summary>
internal static class StoreFactory
{
    public static IGraphStore Open(CommandArgs args, TimeProvider time, ILoggerFactory logging) =>
        GlobalOptions.PostgresConnectionString(args) is { } connectionString
            ? PostgresGraphStore.Open(new PostgresStoreOptions { ConnectionString = connectionString }, time, logging.CreateLogger<PostgresGraphStore>())
            : SqliteGraphStore.Open(new SqliteStoreOptions { Path = GlobalOptions.DatabasePath(args) }, time, logging.CreateLogger<SqliteGraphStore>());
}
