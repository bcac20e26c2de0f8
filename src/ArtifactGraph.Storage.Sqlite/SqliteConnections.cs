using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite;

/// <summary>Opens connections to one database file with the store's per-connection settings.</summary>
internal sealed class SqliteConnections
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    public SqliteConnections(SqliteStoreOptions options)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMs / 1000),
        }.ToString();
        _busyTimeoutMs = options.BusyTimeoutMs;
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            // foreign_keys and busy_timeout are per connection; journal_mode=WAL persists in the file
            // but is repeated here so a database created elsewhere is switched on first open.
            // A 32 MB page cache keeps a large document's transaction from spilling pages mid-commit.
            Execute(connection, $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Settings for the store's single writer connection, on top of <see cref="Open"/>'s:
    /// <list type="bullet">
    /// <item>foreign_keys OFF: every id the writer binds is one it just inserted or read back in the same
    /// transaction, or one its row cache took from a committed row (the cache is cleared on rollback and
    /// rows are never deleted), so the per-row parent lookups (two to three B-tree probes for each edge and
    /// provenance row, ~10–15% of commit CPU) check nothing that can fail. The REFERENCES stay declared.</item>
    /// <item>wal_autocheckpoint <see cref="SqliteStoreOptions.WalAutocheckpointPages"/> (10,000 pages, ~40 MB, unless a bulk
    /// load asks for more), or a backstop above it when the store's checkpoint thread does that work
    /// (<see cref="SqliteStoreOptions.WriterAutocheckpointPages"/>): a 1,000-component SBOM dirties over 1,000 pages
    /// (provenance rows land all over the edge-keyed B-trees), so the default 1,000 checkpointed (copied back and
    /// fsynced) after nearly every document; hot pages are now copied once per several documents.</item>
    /// <item>synchronous FULL only when <see cref="SqliteStoreOptions.SynchronousFull"/> asks for it.</item>
    /// </list>
    /// </summary>
    public static void ConfigureWriter(SqliteConnection connection, SqliteStoreOptions options) =>
        Execute(connection, $"PRAGMA foreign_keys = OFF; PRAGMA wal_autocheckpoint = {options.WriterAutocheckpointPages};{(options.SynchronousFull ? " PRAGMA synchronous = FULL;" : string.Empty)}");

    /// <summary>Switches the file to write-ahead logging; returns the journal mode now in force.</summary>
    public static string EnableWal(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        return (string)command.ExecuteScalar()!;
    }

    public void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
