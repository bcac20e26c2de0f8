using ArtifactGraph.Ingest.Pipeline;

namespace ArtifactGraph.Server.Operations;

/// <summary>
/// One uploaded document through the same <see cref="Ingestor"/> as the CLI (size limit, decompression,
/// sniffing, reading, commit, then the index: Apply, or a reload after a supersession). Runs off the
/// request thread and is tracked so shutdown finishes it.
/// </summary>
internal sealed class DocumentIngestion(Ingestor ingestor, IngestTracker tracker)
{
    /// <summary>The report, or null when the server is shutting down.</summary>
    public async Task<IngestReport?> IngestAsync(string source, byte[] content, IReadOnlyDictionary<string, string>? hints = null)
    {
        using var lease = tracker.TryBegin();
        if (lease is null)
        {
            return null;
        }

        // Not cancellable on purpose: once started, a document is committed or rejected as a whole,
        // even if the client goes away.
        return await Task.Run(() => ingestor.IngestBytes(source, content, hints), CancellationToken.None).ConfigureAwait(false);
    }
}
