using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Storage.Postgres;
using ArtifactGraph.Storage.Sqlite;
using Microsoft.Extensions.Logging;

namespace ArtifactGraph.Cli.Commands;

/// <summary>The one place a command's store is chosen: PostgreSQL when asked for (see GlobalOptions), else SQLite.</summary>
internal static class StoreFactory
{
    /// <param name="bulk">
    /// The store is opened for <c>ingest</c>, a batch job that merges its provenance on close: the SQLite store's
    /// merge step may grow with the index without the read-side cap (<see cref="SqliteStoreOptions.ProvenanceMergeMaxIds"/>),
    /// so a large load merges a few times instead of once per 4M ids. Another process reading the file meanwhile scans
    /// more staged ids per provenance question until the command ends. And the write-ahead log is copied back into the
    /// file every ~200 MB rather than every ~40 MB (<see cref="SqliteStoreOptions.BulkWalAutocheckpointPages"/>), and new nodes
    /// are merged into the key index in larger steps (<see cref="SqliteStoreOptions.BulkNodeMergeRows"/>).
    /// </param>
    public static IGraphStore Open(CommandArgs args, TimeProvider time, ILoggerFactory logging, bool bulk = false) =>
        GlobalOptions.PostgresConnectionString(args) is { } connectionString
            ? PostgresGraphStore.Open(new PostgresStoreOptions { ConnectionString = connectionString }, time, logging.CreateLogger<PostgresGraphStore>())
            : SqliteGraphStore.Open(SqliteOptions(args, bulk), time, logging.CreateLogger<SqliteGraphStore>());

    internal static SqliteStoreOptions SqliteOptions(CommandArgs args, bool bulk)
    {
        var options = new SqliteStoreOptions { Path = GlobalOptions.DatabasePath(args) };
        if (bulk)
        {
            options.ProvenanceMergeMaxIds = long.MaxValue;
            options.WalAutocheckpointPages = SqliteStoreOptions.BulkWalAutocheckpointPages;
            options.NodeMergeRows = SqliteStoreOptions.BulkNodeMergeRows;
        }

        return options;
    }
}
