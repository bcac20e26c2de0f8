using ArtifactGraph.Core.Storage;
using ArtifactGraph.Storage.Postgres;
using ArtifactGraph.Storage.Sqlite;
using Npgsql;

namespace ArtifactGraph.Bench.Baselines;

/// <summary>Where the ingest suite commits: a fresh SQLite file (default) or a fresh PostgreSQL schema (--postgres).</summary>
internal sealed class BenchStore(string description, Func<IGraphStore> open, Func<double> sizeMb, Action cleanUp)
{
    private const string Schema = "agbench_ingest";

    public string Description { get; } = description;

    public IGraphStore Open() => open();

    /// <summary>What the store occupies on disk, in MB (file + WAL, or the schema's relations).</summary>
    public double SizeMb() => sizeMb();

    public void CleanUp() => cleanUp();

    /// <param name="provenanceMergeIds">null for the store's default (<see cref="SqliteStoreOptions.ProvenanceMergeIds"/>).</param>
    /// <param name="provenanceMergeMaxIds">null for the store's default (<see cref="SqliteStoreOptions.ProvenanceMergeMaxIds"/>).</param>
    /// <param name="walAutocheckpointPages">null for the store's default (<see cref="SqliteStoreOptions.WalAutocheckpointPages"/>).</param>
    /// <param name="nodeMergeRows">null for the store's default (<see cref="SqliteStoreOptions.NodeMergeRows"/>).</param>
    /// <param name="checkpointThread">false to checkpoint on the committing thread (<see cref="SqliteStoreOptions.CheckpointThread"/>).</param>
    public static BenchStore Sqlite(string path, bool keep, long? provenanceMergeIds = null, long? provenanceMergeMaxIds = null, int? walAutocheckpointPages = null, int? nodeMergeRows = null, bool checkpointThread = true) => new(
        path,
        () =>
        {
            var options = new SqliteStoreOptions { Path = path };
            options.ProvenanceMergeIds = provenanceMergeIds ?? options.ProvenanceMergeIds;
            options.ProvenanceMergeMaxIds = provenanceMergeMaxIds ?? options.ProvenanceMergeMaxIds;
            options.WalAutocheckpointPages = walAutocheckpointPages ?? options.WalAutocheckpointPages;
            options.NodeMergeRows = nodeMergeRows ?? options.NodeMergeRows;
            options.CheckpointThread = checkpointThread;
            return SqliteGraphStore.Open(options, TimeProvider.System);
        },
        () => new[] { string.Empty, "-wal" }.Sum(s => File.Exists(path + s) ? new FileInfo(path + s).Length : 0) / 1e6,
        () =>
        {
            if (!keep)
            {
                Scratch.DeleteDatabase(path);
            }
        });

    /// <summary>The server named by ARTIFACTGRAPH_POSTGRES, schema agbench_ingest recreated empty.</summary>
    public static BenchStore Postgres(bool keep)
    {
        var server = Environment.GetEnvironmentVariable("ARTIFACTGRAPH_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            throw new ArgumentException("--postgres needs a server: set ARTIFACTGRAPH_POSTGRES (eval \"$(scripts/postgres-dev.sh start)\")");
        }

        Execute(server, $"DROP SCHEMA IF EXISTS {Schema} CASCADE;");
        return new BenchStore(
            $"PostgreSQL schema {Schema} on {new NpgsqlConnectionStringBuilder(server).Host}",
            () => PostgresGraphStore.Open(new PostgresStoreOptions { ConnectionString = server, Schema = Schema }, TimeProvider.System),
            () => Scalar(server, $"SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{Schema}' AND c.relkind = 'r';") / 1e6,
            () =>
            {
                if (!keep)
                {
                    Execute(server, $"DROP SCHEMA IF EXISTS {Schema} CASCADE;");
                }
            });
    }

    private static void Execute(string server, string sql) => Scalar(server, sql);

    private static long Scalar(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar() is long value ? value : 0;
    }
}
