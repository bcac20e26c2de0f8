using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Server.GraphQL;
using ArtifactGraph.Server.Operations;

namespace ArtifactGraph.Server.Endpoints;

/// <summary>
/// <c>/healthz</c>: the process answers. <c>/readyz</c>: the index is loaded and queries can run; with the
/// snapshot's size and sequence and the GraphQL response cache's counters (hits, misses, entries, bytes).
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        // The runner is resolved only once ready (IndexLoader built it by then): resolving it while loading
        // would build the schema on a probe's thread.
        app.MapGet("/readyz", (Readiness readiness, GraphIndexHolder holder, HttpContext context) => readiness.IsReady
            ? Results.Json(new { status = "ready", nodes = holder.Current.NodeCount, edges = holder.Current.EdgeCount, sequence = holder.Current.Sequence, responseCache = context.RequestServices.GetRequiredService<GraphQLRunner>().Responses.Counters() })
            : Results.Json(new { status = "loading" }, statusCode: StatusCodes.Status503ServiceUnavailable));
    }
}
