namespace ArtifactGraph.Storage.Postgres;

/// <summary>
/// Transaction-scoped advisory locks, keyed by (purpose, the schema's hash) so stores in different schemas
/// of one database do not wait for each other. Released by PostgreSQL at commit or rollback, so a crashed
/// process never leaves one held.
/// </summary>
internal static class AdvisoryLocks
{
    /// <summary>
    /// Held while the schema is created and migrations are checked and applied: two processes opening a new
    /// database migrate once. $1 is the configured schema (null: the connection's current one), named
    /// explicitly because the lock is taken before the schema exists.
    /// </summary>
    public const string Migrate = "SELECT pg_advisory_xact_lock(1095172865, hashtext(coalesce($1, current_schema(), '')));";

    /// <summary>
    /// Held for a document's whole transaction, making the writer single like SQLite's: change sequences
    /// are handed out in commit order and two processes never race on the same new node or edge.
    /// </summary>
    public const string Write = "SELECT pg_advisory_xact_lock(1095172866, hashtext(coalesce(current_schema(), '')));";
}
