using System.Text.Json;

namespace ArtifactGraph.Server.Endpoints;

/// <summary>
/// RFC 9457 problem details (<c>application/problem+json</c>): type, title, status, detail, instance,
/// plus extension members (<c>location</c>, <c>reason</c> for a rejected document).
/// </summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    /// <summary>Problem types are URNs: stable identifiers that do not pretend to be fetchable pages.</summary>
    public static string Type(string name) => $"urn:artifactgraph:problem:{name}";

    public static async Task WriteAsync(HttpContext context, int status, string type, string title, string detail, IReadOnlyDictionary<string, string?>? extensions = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("type", Type(type));
        json.WriteString("title", title);
        json.WriteNumber("status", status);
        json.WriteString("detail", detail);
        json.WriteString("instance", context.Request.Path.Value);
        foreach (var (name, value) in extensions ?? new Dictionary<string, string?>())
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    public static Task UnauthorizedAsync(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return WriteAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", "Authentication required", detail);
    }

    public static Task ForbiddenAsync(HttpContext context, string detail) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "forbidden", "Not allowed for this API key's role", detail);

    public static Task TooLargeAsync(HttpContext context, long limit) =>
        WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "too-large", "Request body too large", $"the body is over the limit of {limit:N0} bytes");
}
