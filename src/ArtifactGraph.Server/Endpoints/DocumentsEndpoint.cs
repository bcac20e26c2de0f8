using System.Text.Encodings.Web;
using System.Text.Json;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Ingest.Pipeline;
using ArtifactGraph.Server.Auth;
using ArtifactGraph.Server.Operations;
using Microsoft.Extensions.Options;

namespace ArtifactGraph.Server.Endpoints;

/// <summary>
/// <c>POST /api/v1/documents[?filename=NAME&amp;environment=ENV&amp;cluster=NAME]</c>: the raw document as the body, format sniffed (gzip, bzip2
/// and zstd bodies are recognised by their magic bytes, so <c>Content-Encoding: gzip</c> works as is).
/// Answers the CLI's <c>ingest --json</c> report for the one document: 200 ingested or unchanged;
/// 400 problem+json with <c>location</c> and <c>reason</c> when rejected; 401/403 without an ingester key;
/// 413 over <see cref="ServerOptions.MaxDocumentBodyBytes"/>; 503 while shutting down.
/// </summary>
internal static class DocumentsEndpoint
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(WebApplication app) => app.MapPost("/api/v1/documents", PostAsync);

    private static async Task PostAsync(HttpContext context, DocumentIngestion ingestion, IOptions<ServerOptions> options)
    {
        var caller = context.Caller();
        if (caller.Error is { } error)
        {
            await Problems.UnauthorizedAsync(context, error);
            return;
        }

        if (!caller.Can(ApiKeyRole.Ingester))
        {
            await (caller.Authenticated
                ? Problems.ForbiddenAsync(context, $"ingesting documents needs the ingester or admin role; this key is {caller.Role?.ToString().ToLowerInvariant()}")
                : Problems.UnauthorizedAsync(context, "ingesting documents needs an API key with the ingester or admin role"));
            return;
        }

        var limit = options.Value.MaxDocumentBodyBytes;
        var body = await BoundedBody.ReadAsync(context.Request, limit, context.RequestAborted);
        if (body is null)
        {
            await Problems.TooLargeAsync(context, limit);
            return;
        }

        var source = context.Request.Query["filename"].FirstOrDefault() is { Length: > 0 } name ? Path.GetFileName(name) : "upload";
        var hints = GraphQL.Queries.IngestMutations.Hints(context.Request.Query["environment"].FirstOrDefault(), context.Request.Query["cluster"].FirstOrDefault());
        var report = await ingestion.IngestAsync(source, body, hints);
        if (report is null)
        {
            await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "shutting-down", "Server is shutting down", "the server is stopping and accepts no new documents");
            return;
        }

        if (report.Outcome == IngestOutcome.Rejected)
        {
            await Problems.WriteAsync(
                context,
                StatusCodes.Status400BadRequest,
                "document-rejected",
                "Document rejected",
                $"{report.Source} at {report.Location}: {report.Reason}",
                new Dictionary<string, string?> { ["location"] = report.Location, ["reason"] = report.Reason, ["sha256"] = report.Sha256 });
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body, JsonOptions);
        IngestReportJson.Write(json, [report]);
        await json.FlushAsync(context.RequestAborted);
    }
}
