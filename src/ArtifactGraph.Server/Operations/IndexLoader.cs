using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL;

namespace ArtifactGraph.Server.Operations;

/// <summary>
/// Loads the in-memory index from the store in the background at start, so the process is live
/// (<c>/healthz</c>) at once and ready (<c>/readyz</c>) when the graph is in memory and the schema warmed up.
/// </summary>
internal sealed partial class IndexLoader(IGraphStore store, GraphIndexHolder holder, Readiness readiness, IServiceProvider services, ILogger<IndexLoader> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        async () =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var index = holder.LoadFrom(store);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            LogLoaded(index.NodeCount, index.EdgeCount, elapsed.TotalMilliseconds);
            await services.GetRequiredService<GraphQLRunner>().WarmUpAsync().ConfigureAwait(false);
            readiness.MarkReady();
        },
        stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index loaded: {Nodes} nodes, {Edges} edges in {ElapsedMs:0.0} ms")]
    private partial void LogLoaded(int nodes, int edges, double elapsedMs);
}
