using Microsoft.Extensions.Options;

namespace ArtifactGraph.Server;

/// <summary>
/// The server's limits and access rules (configuration section <c>Server</c>); validated on start.
/// Every limit has a default chosen so that an analyst's real queries pass and a hostile one is
/// refused with a clear GraphQL error before it costs anything.
/// </summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    public const string DefaultUrls = "http://127.0.0.1:5480";

    /// <summary>Deepest field nesting a query may have (the introspection query needs 13).</summary>
    public int MaxQueryDepth { get; set; } = 15;

    /// <summary>
    /// Node budget: every selected field costs 1 per parent item, and a page multiplies what is below it by
    /// its size (<c>first</c>, else <see cref="DefaultPageSize"/>). A query estimated above this is refused.
    /// </summary>
    public int MaxComplexity { get; set; } = 100_000;

    /// <summary>Largest <c>first</c> a connection accepts.</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>Page size when <c>first</c> is not given.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>Most aliases in one document (alias floods repeat one costly field under many names).</summary>
    public int MaxAliases { get; set; } = 50;

    /// <summary>Most field selections in one document after fragments are expanded.</summary>
    public int MaxFields { get; set; } = 2_000;

    /// <summary>Largest document accepted by <c>POST /api/v1/documents</c> (bytes on the wire).</summary>
    public long MaxDocumentBodyBytes { get; set; } = 64L << 20;

    /// <summary>Largest GraphQL request body (the <c>ingestDocument</c> mutation carries its document inside).</summary>
    public long MaxGraphQLBodyBytes { get; set; } = 1L << 20;

    /// <summary>Longest a GraphQL execution may run before it is cancelled.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>GraphQL executions running at once; more wait up to <see cref="QueueTimeout"/>, then get 503.</summary>
    public int MaxConcurrentExecutions { get; set; } = 64;

    /// <summary>How long a request waits for an execution slot.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether requests without a key may read. Null (default): only when every bound URL is a loopback
    /// address, so a server exposed to the network never answers anonymous queries unless told to.
    /// </summary>
    public bool? AllowAnonymousRead { get; set; }

    /// <summary>
    /// Whether whole responses of GraphQL queries are kept per index snapshot and repeated requests answered
    /// from them (same query text, operation, variables and caller role; authentication still runs first).
    /// </summary>
    public bool ResponseCacheEnabled { get; set; } = true;

    /// <summary>
    /// Whether query documents seen before run on the server's own executor (a plan per document writing the
    /// response directly); off, every query executes through GraphQL.NET. Same bytes either way; any error
    /// falls back to GraphQL.NET, which then reports it.
    /// </summary>
    public bool FastExecution { get; set; } = true;

    /// <summary>Bytes the response cache holds at most (bodies and keys); past it the oldest entries go.</summary>
    public long ResponseCacheMaxBytes { get; set; } = 64L << 20;

    /// <summary>Largest response body the cache keeps; larger answers are always executed.</summary>
    public int ResponseCacheMaxEntryBytes { get; set; } = 1 << 20;

    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        Positive(errors, MaxQueryDepth, nameof(MaxQueryDepth));
        Positive(errors, MaxComplexity, nameof(MaxComplexity));
        Positive(errors, MaxPageSize, nameof(MaxPageSize));
        Positive(errors, MaxAliases, nameof(MaxAliases));
        Positive(errors, MaxFields, nameof(MaxFields));
        Positive(errors, MaxConcurrentExecutions, nameof(MaxConcurrentExecutions));
        Positive(errors, MaxDocumentBodyBytes, nameof(MaxDocumentBodyBytes));
        Positive(errors, MaxGraphQLBodyBytes, nameof(MaxGraphQLBodyBytes));
        Positive(errors, ResponseCacheMaxBytes, nameof(ResponseCacheMaxBytes));
        Positive(errors, ResponseCacheMaxEntryBytes, nameof(ResponseCacheMaxEntryBytes));
        if (ResponseCacheMaxEntryBytes > ResponseCacheMaxBytes)
        {
            errors.Add($"{nameof(ResponseCacheMaxEntryBytes)} must not exceed {nameof(ResponseCacheMaxBytes)} ({ResponseCacheMaxBytes}).");
        }

        if (DefaultPageSize < 1 || DefaultPageSize > MaxPageSize)
        {
            errors.Add($"{nameof(DefaultPageSize)} must be between 1 and {nameof(MaxPageSize)} ({MaxPageSize}).");
        }

        if (ExecutionTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(ExecutionTimeout)} must be positive.");
        }

        if (QueueTimeout < TimeSpan.Zero)
        {
            errors.Add($"{nameof(QueueTimeout)} must be zero or positive.");
        }

        return errors;
    }

    private static void Positive(List<string> errors, long value, string name)
    {
        if (value < 1)
        {
            errors.Add($"{name} must be at least 1, not {value}.");
        }
    }
}

/// <summary>Runs <see cref="ServerOptions.Errors"/> when the options are first resolved (ValidateOnStart).</summary>
internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options) =>
        options.Errors() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}
