namespace ArtifactGraph.Server.Endpoints;

/// <summary>
/// The explorer page (wwwroot/, embedded in the assembly so the single binary carries it): at <c>/</c>, and
/// at <c>/graphql</c> for a browser's GET. Served without a key; the page asks for one and sends it.
/// </summary>
internal static class ExplorerEndpoint
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["explorer.html"] = "text/html; charset=utf-8",
        ["explorer.js"] = "text/javascript; charset=utf-8",
        ["explorer.css"] = "text/css; charset=utf-8",
    };

    public static void Map(WebApplication app)
    {
        app.MapGet("/", WritePageAsync);
        app.MapGet("/explorer/{file}", (HttpContext context, string file) => WriteAsync(context, file));
    }

    public static Task WritePageAsync(HttpContext context) => WriteAsync(context, "explorer.html");

    private static async Task WriteAsync(HttpContext context, string file)
    {
        if (!ContentTypes.TryGetValue(file, out var contentType))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using var stream = typeof(ExplorerEndpoint).Assembly.GetManifestResourceStream("wwwroot/" + file)
            ?? throw new InvalidOperationException($"embedded resource wwwroot/{file} is missing");
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-cache";
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
