using System.Buffers;
using System.Text;
using System.Text.Json;
using ArtifactGraph.Server.Auth;
using ArtifactGraph.Server.GraphQL;
using ArtifactGraph.Server.GraphQL.Execution;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;

namespace ArtifactGraph.Server.Endpoints;

/// <summary>
/// <c>/graphql</c> per GraphQL-over-HTTP: POST <c>application/json</c> {query, variables, operationName} or
/// GET with query parameters (queries only). Answers <c>application/graphql-response+json</c> when the
/// client accepts it (request errors then get 400, as that media type defines), else
/// <c>application/json</c> (request errors get 200, the legacy behaviour clients expect).
/// A browser's GET (Accept: text/html, no query) gets the explorer page.
/// </summary>
internal static class GraphQLEndpoint
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    private static readonly ResultSerializer Serializer = ResultSerializer.Shared;

    public static void Map(WebApplication app)
    {
        app.MapGet("/graphql", GetAsync);
        app.MapPost("/graphql", PostAsync);
    }

    private static async Task GetAsync(HttpContext context, GraphQLRunner runner)
    {
        var query = context.Request.Query["query"].FirstOrDefault();
        if (query is null && Accepts(context, "text/html"))
        {
            await ExplorerEndpoint.WritePageAsync(context);
            return;
        }

        Inputs? variables = null;
        if (context.Request.Query["variables"].FirstOrDefault() is { Length: > 0 } json)
        {
            try
            {
                variables = Serializer.Deserialize<Inputs>(json);
            }
            catch (JsonException ex)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BAD_REQUEST", $"variables is not a JSON object: {ex.Message}");
                return;
            }
        }

        await RunAsync(context, runner, query, variables, context.Request.Query["operationName"].FirstOrDefault(), viaGet: true);
    }

    private static async Task PostAsync(HttpContext context, GraphQLRunner runner, IOptions<ServerOptions> options)
    {
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "POST /graphql takes Content-Type: application/json");
            return;
        }

        var limit = options.Value.MaxGraphQLBodyBytes;
        var body = await BoundedBody.ReadAsync(context.Request, limit, context.RequestAborted);
        if (body is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"the request body is over the limit of {limit:N0} bytes");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = Serializer.Deserialize<GraphQLRequest>(Encoding.UTF8.GetString(body));
        }
        catch (JsonException ex)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BAD_REQUEST", $"the body is not a GraphQL request in JSON: {ex.Message}");
            return;
        }

        await RunAsync(context, runner, request?.Query, request?.Variables, request?.OperationName, viaGet: false);
    }

    private static async Task RunAsync(HttpContext context, GraphQLRunner runner, string? query, Inputs? variables, string? operationName, bool viaGet)
    {
        var caller = context.Caller();
        if (caller.Error is not null || caller.Role is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", caller.Error ?? "this server needs an API key: send Authorization: Bearer <key>");
            return;
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BAD_REQUEST", "the request has no query");
            return;
        }

        var outcome = await runner.RunAsync(new GraphQLCall(query, variables, operationName, viaGet), caller, context.RequestServices, context.RequestAborted);
        var modern = Accepts(context, GraphQLResponseJson);
        context.Response.StatusCode = outcome.Failure switch
        {
            GraphQLFailure.Request => modern ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
            GraphQLFailure.Timeout => modern ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status200OK,
            GraphQLFailure.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
            GraphQLFailure.Busy or GraphQLFailure.NotReady => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status200OK,
        };
        if (outcome.Failure is GraphQLFailure.Busy or GraphQLFailure.NotReady)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        if (outcome.Failure == GraphQLFailure.MethodNotAllowed)
        {
            context.Response.Headers.Allow = "POST";
        }

        context.Response.ContentType = modern ? GraphQLResponseJson + "; charset=utf-8" : "application/json; charset=utf-8";
        if (outcome.Cached is { } cached)
        {
            await WriteBytesAsync(context, cached);
            return;
        }

        // Serialised whole (GraphQL.NET's result converter writes in one call), kept when cacheable and
        // handed to identical requests waiting for it (single-flight) before this client is sent it, so a
        // slow reader holds no one up; an answer over the entry bound is sent and not kept.
        byte[]? kept = null;
        var buffer = outcome.Written ?? ResultSerializer.Rent();
        try
        {
            if (outcome.Written is null)
            {
                Serializer.Write(buffer, outcome.Result);
            }

            if (outcome.CacheAs is var (snapshot, key) && buffer.WrittenCount <= runner.Responses.MaxEntryBytes)
            {
                kept = buffer.WrittenSpan.ToArray();
                runner.Responses.Add(snapshot, key, kept);
            }

            outcome.Flight?.Complete(kept);
            context.Response.ContentLength = buffer.WrittenCount;
            context.Response.BodyWriter.Write(buffer.WrittenSpan);
        }
        finally
        {
            outcome.Flight?.Complete(null);
            ResultSerializer.Return(buffer);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static Task WriteBytesAsync(HttpContext context, byte[] body)
    {
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>An error outside execution, in the GraphQL response shape, with the negotiated media type.</summary>
    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = Accepts(context, GraphQLResponseJson) ? GraphQLResponseJson + "; charset=utf-8" : "application/json; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        return Serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private static bool Accepts(HttpContext context, string mediaType) =>
        context.Request.Headers.Accept.Any(value => value is not null && value.Contains(mediaType, StringComparison.OrdinalIgnoreCase));
}
