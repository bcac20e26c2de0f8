using Npgsql;

namespace ArtifactGraph.Storage.Postgres;

/// <summary>Options for <see cref="PostgresGraphStore"/>; bound from configuration and validated on open.</summary>
public sealed class PostgresStoreOptions
{
    /// <summary>An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Username=artifactgraph;Database=artifactgraph</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// The schema holding the store's tables, created if missing; null uses the connection's search path
    /// (normally <c>public</c>). Lets several stores share one database (tests use a schema per store).
    /// </summary>
    public string? Schema { get; set; }

    /// <summary>
    /// Seconds one statement may run before it is cancelled. A large document's chunk is a single statement
    /// (thousands of rows), so this is generous; 0 means no limit.
    /// </summary>
    public int CommandTimeoutSeconds { get; set; } = 300;

    /// <summary>The most connections the store's pool opens (one writer and the concurrent readers).</summary>
    public int MaxPoolSize { get; set; } = 20;

    /// <summary>
    /// Nodes the writer remembers across documents (id and the last input merged into them), so a row seen
    /// before costs no lookup on the server; 0 turns the cache off. About 60 bytes an entry.
    /// </summary>
    public int NodeCacheCapacity { get; set; } = 250_000;

    /// <summary>Edges the writer remembers across documents, as <see cref="NodeCacheCapacity"/>.</summary>
    public int EdgeCacheCapacity { get; set; } = 1_000_000;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("PostgresStoreOptions.ConnectionString must name a server, e.g. Host=127.0.0.1;Username=postgres;Database=artifactgraph.", nameof(ConnectionString));
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"PostgresStoreOptions.ConnectionString is not a valid connection string: {ex.Message}", nameof(ConnectionString), ex);
        }

        if (Schema is not null && !IsPlainIdentifier(Schema))
        {
            throw new ArgumentException($"PostgresStoreOptions.Schema '{Schema}' must be a lower-case identifier (letters, digits, underscores).", nameof(Schema));
        }

        if (CommandTimeoutSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CommandTimeoutSeconds), CommandTimeoutSeconds, "CommandTimeoutSeconds must be zero or positive.");
        }

        if (MaxPoolSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPoolSize), MaxPoolSize, "MaxPoolSize must be at least 2 (a writer and a reader).");
        }

        if (NodeCacheCapacity < 0 || EdgeCacheCapacity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(NodeCacheCapacity), "NodeCacheCapacity and EdgeCacheCapacity must be zero or positive.");
        }
    }

    // The schema name is spliced into DDL and the search path, so only plain identifiers are accepted.
    private static bool IsPlainIdentifier(string name) =>
        name.Length is > 0 and <= 63
        && (char.IsAsciiLetterLower(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
