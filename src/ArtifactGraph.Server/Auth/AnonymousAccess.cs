using System.Net;
using Microsoft.Extensions.Options;

namespace ArtifactGraph.Server.Auth;

/// <summary>
/// Whether a request without a key may read: <see cref="ServerOptions.AllowAnonymousRead"/> when set,
/// else only when every URL the server binds is loopback (127.0.0.0/8, ::1, localhost), so nothing
/// is readable anonymously from the network unless configured.
/// </summary>
internal sealed class AnonymousAccess(IOptions<ServerOptions> options, IConfiguration configuration)
{
    public bool ReadAllowed { get; } = options.Value.AllowAnonymousRead ?? AllLoopback(configuration["urls"] ?? ServerOptions.DefaultUrls);

    public static bool AllLoopback(string urls) => urls
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .All(IsLoopback);

    private static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
