using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Server.Operations;

/// <summary>
/// Loads the in-memory index from the store in the background at start, so the process is live
/// (<c>/healthz</c>) at once and ready (<c>/readyz</c>) when the graph is in memory.
/// </summary>
internal sealed partial class IndexLoader(IGraphStore store, GraphIndexHolder holder, Readiness readiness, ILogger<IndexLoader> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var index = holder.LoadFrom(store);
            readiness.MarkReady();
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            LogLoaded(index.NodeCount, index.EdgeCount, elapsed.TotalMilliseconds);
        },
        stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index loaded: {Nodes} nodes, {Edges} edges in {ElapsedMs:0.0} ms")]
    private partial void LogLoaded(int nodes, int edges, double elapsedMs);
}
