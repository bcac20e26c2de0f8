namespace ArtifactGraph.Core.Storage;

/// <summary>What an API key may do. Each role includes the ones before it.</summary>
public enum ApiKeyRole
{
    /// <summary>Queries.</summary>
    Reader = 1,

    /// <summary>Queries and document ingestion.</summary>
    Ingester = 2,

    /// <summary>Everything.</summary>
    Admin = 3,
}

/// <summary>A stored API key: only the SHA-256 of the key is kept, never the key.</summary>
public sealed record ApiKeyRecord(long Id, string Name, ApiKeyRole Role, string KeyHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>
/// API keys kept beside the graph (the server's credentials live with its data, so one backup holds both).
/// Implemented by every store that backs the server; part of the storage conformance suite.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key by its hash (see <see cref="ApiKeys.Hash"/>); the creation time is the store's clock.</summary>
    ApiKeyRecord CreateApiKey(string name, ApiKeyRole role, string keyHash);

    /// <summary>Every key, revoked or not, oldest first.</summary>
    IReadOnlyList<ApiKeyRecord> ListApiKeys();

    /// <summary>The key with this hash, or null (revoked keys are returned: the caller refuses them).</summary>
    ApiKeyRecord? FindApiKey(string keyHash);

    /// <summary>Marks a key revoked; false when no such key exists or it was revoked already.</summary>
    bool RevokeApiKey(long id);
}
