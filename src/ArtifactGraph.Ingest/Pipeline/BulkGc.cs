using System.Runtime;

namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// Non-concurrent garbage collection in this process for the length of a bulk load (<c>artifactgraph ingest</c>, the
/// bench's ingest suite). Each document allocates a batch and keeps little of it, and background GC's concurrent
/// marking took CPU from the two threads (read-ahead and commit) that already use both cores: ~10–15% of a 200-SBOM
/// run (docs/BENCHMARKS-HISTORY.md, "Background GC during a bulk load"). Queries and the server keep the default, concurrent,
/// for its shorter pauses. The previous mode comes back on dispose. Since stop 20 the CLI's runtimeconfig configures
/// background GC off altogether (a larger gen0 budget), so there this is already the mode; it still matters where the
/// process has it on, as in the server image (<c>docker compose exec ... ingest</c>).
/// </summary>
public sealed class BulkGc : IDisposable
{
    private readonly GCLatencyMode _previous = GCSettings.LatencyMode;

    private BulkGc() => GCSettings.LatencyMode = GCLatencyMode.Batch;

    public static BulkGc Start() => new();

    public void Dispose() => GCSettings.LatencyMode = _previous;
}
