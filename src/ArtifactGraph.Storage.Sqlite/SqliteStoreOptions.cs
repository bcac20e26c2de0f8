namespace ArtifactGraph.Storage.Sqlite;

/// <summary>Options for <see cref="SqliteGraphStore"/>; bound from configuration and validated on open.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file. Relative paths resolve against the working directory.</summary>
    public string Path { get; set; } = "artifactgraph.db";

    /// <summary>How long a connection waits for another writer's lock before failing.</summary>
    public int BusyTimeoutMs { get; set; } = 5000;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("SqliteStoreOptions.Path must name a database file.", nameof(Path));
        }

        // The store opens several connections (one writer, pooled readers); a private in-memory database cannot be shared.
        if (Path.Trim() == ":memory:")
        {
            throw new ArgumentException("SqliteStoreOptions.Path cannot be ':memory:'; use a (temporary) file.", nameof(Path));
        }

        if (BusyTimeoutMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BusyTimeoutMs), BusyTimeoutMs, "BusyTimeoutMs must be zero or positive.");
        }
    }
}
