using ArtifactGraph.Core.Storage;
using ArtifactGraph.Ingest.Pipeline;
using ArtifactGraph.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Queries;

/// <summary><c>ingestDocument(content, encoding, filename)</c>: one document through the CLI's pipeline.</summary>
internal static class IngestMutations
{
    public static void Add(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IngestReportType>>("ingestDocument")
            .Description("Ingests one document (format sniffed) and returns the `artifactgraph ingest --json` report. Needs the ingester role.")
            .Argument<NonNullGraphType<StringGraphType>>("content", "The document: its text (utf8) or its bytes in base64 (for compressed documents).")
            .Argument<StringGraphType>("encoding", "utf8 (default) or base64.")
            .Argument<StringGraphType>("filename", "A name for the report and the format sniffer (e.g. app.cdx.json).")
            .Argument<StringGraphType>("environment", "The environment of an inventory (as ingest --environment).")
            .Argument<StringGraphType>("cluster", "The cluster of an inventory (as ingest --cluster).")
            .RequireRole(ApiKeyRole.Ingester)
            .ResolveAsync(async c =>
            {
                var bytes = Decode(c.GetArgument<string>("content"), c.GetArgument<string?>("encoding"));
                var source = c.GetArgument<string?>("filename") is { Length: > 0 } name ? Path.GetFileName(name) : "upload";
                var hints = Hints(c.GetArgument<string?>("environment"), c.GetArgument<string?>("cluster"));
                var report = await c.Request().Ingestion.IngestAsync(source, bytes, hints).ConfigureAwait(false)
                    ?? throw new ExecutionError("the server is shutting down and accepts no new documents") { Code = "SHUTTING_DOWN" };
                return (IReadOnlyList<IngestReport>)[report];
            });

    /// <summary>The inventory hints of one request (the same keys the CLI's --environment/--cluster set).</summary>
    public static Dictionary<string, string> Hints(string? environment, string? cluster)
    {
        var hints = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(environment))
        {
            hints["environment"] = environment.Trim();
        }

        if (!string.IsNullOrWhiteSpace(cluster))
        {
            hints["cluster"] = cluster.Trim();
        }

        return hints;
    }

    private static byte[] Decode(string content, string? encoding)
    {
        switch (encoding?.Trim().ToLowerInvariant())
        {
            case null or "" or "utf8" or "utf-8":
                return System.Text.Encoding.UTF8.GetBytes(content);
            case "base64":
                try
                {
                    return Convert.FromBase64String(content);
                }
                catch (FormatException)
                {
                    throw new ExecutionError("content is not valid base64") { Code = "BAD_ARGUMENT" };
                }

            default:
                throw new ExecutionError($"encoding must be utf8 or base64, not '{encoding}'") { Code = "BAD_ARGUMENT" };
        }
    }
}
