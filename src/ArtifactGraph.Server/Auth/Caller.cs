using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Server.Auth;

/// <summary>
/// Who is asking: a role from a valid API key, anonymous (with <see cref="Role"/> Reader when anonymous
/// reading is allowed, else null), or a rejected credential (<see cref="Error"/> set: answer 401).
/// </summary>
internal sealed record Caller(ApiKeyRole? Role, string Name, string? Error = null)
{
    public bool Authenticated => Error is null && Name != AnonymousName;

    public const string AnonymousName = "anonymous";

    public bool Can(ApiKeyRole role) => Error is null && Role is { } own && own >= role;

    public static Caller Rejected(string error) => new(null, AnonymousName, error);
}
