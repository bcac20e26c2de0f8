using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Server.Auth;

/// <summary>
/// Turns the <c>Authorization: Bearer KEY</c> header into a <see cref="Caller"/>: the key is hashed and
/// looked up in the store on every request, so a revocation takes effect at once.
/// </summary>
internal sealed class CallerResolver(IGraphStore store, AnonymousAccess anonymous)
{
    public Caller Resolve(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return new Caller(anonymous.ReadAllowed ? ApiKeyRole.Reader : null, Caller.AnonymousName);
        }

        const string Scheme = "Bearer ";
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || authorization.Length == Scheme.Length)
        {
            return Caller.Rejected("the Authorization header must be 'Bearer <API key>'");
        }

        if (store is not IApiKeyStore keys)
        {
            return Caller.Rejected("this store keeps no API keys");
        }

        var record = keys.FindApiKey(ApiKeys.Hash(authorization[Scheme.Length..].Trim()));
        return record switch
        {
            null => Caller.Rejected("unknown API key"),
            { IsRevoked: true } => Caller.Rejected("the API key was revoked"),
            _ => new Caller(record.Role, record.Name),
        };
    }
}
