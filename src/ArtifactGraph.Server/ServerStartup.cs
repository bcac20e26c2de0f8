namespace ArtifactGraph.Server;

/// <summary>
/// What the caller of <see cref="ServerHost.CreateBuilder"/> decides: the database and the URLs to bind.
/// Both become ordinary configuration (<c>Store:Path</c>, <c>urls</c>), so tests and environment
/// variables can still override them.
/// </summary>
public sealed record ServerStartup
{
    /// <summary>The SQLite database file; null leaves <c>Store:Path</c> to configuration (default ./artifactgraph.db).</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Semicolon-separated URLs; null means <see cref="ServerOptions.DefaultUrls"/>.</summary>
    public string? Urls { get; init; }
}
