using System.Security.Cryptography;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// Runs one document through the pipeline: size limit → decompress → SHA-256 → already known? →
/// sniff → read → commit → publish to the index. A document that fails any step is rejected alone;
/// its bytes never reach the store.
/// </summary>
public sealed partial class Ingestor
{
    /// <summary>Documents this large (~15,000 components of CycloneDX JSON) spill in small chunks.</summary>
    internal const long LargeDocumentBytes = 8L << 20;

    internal const int LargeDocumentSpillThreshold = 5_000;

    private readonly FormatSniffer _sniffer;
    private readonly IGraphStore _store;
    private readonly IngestOptions _options;
    private readonly GraphIndexHolder? _index;
    private readonly ILogger<Ingestor> _logger;

    public Ingestor(IReadOnlyList<IDocumentReader> readers, IGraphStore store, IngestOptions options, ILogger<Ingestor> logger, GraphIndexHolder? index = null)
    {
        options.Validate();
        _sniffer = new FormatSniffer(readers);
        _store = store;
        _options = options;
        _index = index;
        _logger = logger;
    }

    public IngestReport IngestFile(string path)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > _options.MaxDocumentBytes)
            {
                return Rejected(path, "file", $"{length:N0} bytes is over the document size limit of {_options.MaxDocumentBytes:N0} bytes");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Rejected(path, "file", $"cannot be read: {ex.Message}");
        }

        return IngestBytes(path, bytes);
    }

    /// <summary>
    /// Ingests one document given as bytes. <paramref name="hints"/> (environment, cluster) override the run's
    /// own for this document: an HTTP upload names its cluster per request.
    /// </summary>
    public IngestReport IngestBytes(string source, byte[] content, IReadOnlyDictionary<string, string>? hints = null)
    {
        string sha256 = string.Empty;
        try
        {
            var expanded = Decompression.Expand(content, _options.MaxDecompressedBytes, out _);
            sha256 = Convert.ToHexStringLower(SHA256.HashData(expanded));
            if (_store.ContainsDocument(sha256))
            {
                LogUnchanged(source, sha256);
                return new IngestReport { Source = source, Outcome = IngestOutcome.Unchanged, Sha256 = sha256, Bytes = expanded.Length };
            }

            var runHints = _options.Hints();
            if (hints is { Count: > 0 })
            {
                runHints = runHints.Concat(hints).GroupBy(h => h.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
            }

            hints = runHints;
            var reader = _sniffer.Detect(new DocumentInput(Path.GetFileName(source), expanded, sha256) { Hints = hints });

            // The document's transaction is open while it is read, so a large document streams into the
            // store in chunks; a rejection disposes the writer, which rolls every chunk back.
            CommitResult result;
            IngestBatch batch;
            using (var writer = _store.BeginDocument(sha256, expanded))
            {
                if (writer.AlreadyPresent)
                {
                    return new IngestReport { Source = source, Outcome = IngestOutcome.Unchanged, Sha256 = sha256, Format = reader.Format, Bytes = expanded.Length };
                }

                batch = reader.Read(new DocumentInput(Path.GetFileName(source), expanded, sha256)
                {
                    Spill = writer,
                    Hints = hints,
                    Trust = _options.Trust,
                    SpillThreshold = SpillThresholdFor(expanded.Length),
                });
                result = writer.Complete(batch);
            }

            // A supersession can retire edges and a chunked batch holds only its last chunk; Apply
            // (append-only, from the batch) can express neither, so those reload from the store.
            if (result.SupersessionChanged || batch.IsPartial)
            {
                _index?.LoadFrom(_store);
            }
            else
            {
                _index?.Apply(batch, result.Sequence);
            }

            var components = batch.Totals.Components;
            LogIngested(source, reader.Format, components, result.NodesAdded, result.EdgesAdded);
            foreach (var warning in batch.Warnings)
            {
                LogWarning(source, warning.Location, warning.Message);
            }

            return new IngestReport
            {
                Source = source,
                Outcome = IngestOutcome.Ingested,
                Sha256 = sha256,
                Format = reader.Format,
                NodesAdded = result.NodesAdded,
                EdgesAdded = result.EdgesAdded,
                Components = components,
                Bytes = expanded.Length,
                Sequence = result.Sequence,
                Warnings = batch.Warnings,
            };
        }
        catch (DocumentRejectedException ex)
        {
            return Rejected(source, ex.Location, ex.Reason, sha256);
        }
    }

    /// <summary>
    /// Small chunks for large documents. A 50,000-record chunk (~30 MB of records) lives long enough to be
    /// promoted to generation 2 and dies there, so a 250 MB SBOM left ~170 MB of such garbage floating between
    /// full collections (measured: 620 MiB heap for 450 MiB live). Chunks of 5,000 die young. Smaller documents
    /// keep the default: one that fits in one chunk is applied to the index as a batch instead of reloading it.
    /// </summary>
    internal static int SpillThresholdFor(long bytes) =>
        bytes >= LargeDocumentBytes ? LargeDocumentSpillThreshold : IngestBatchBuilder.DefaultSpillThreshold;

    private IngestReport Rejected(string source, string location, string reason, string? sha256 = null)
    {
        LogRejected(source, location, reason);
        return new IngestReport { Source = source, Outcome = IngestOutcome.Rejected, Location = location, Reason = reason, Sha256 = sha256 };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {Source} at {Location}: {Reason}")]
    private partial void LogRejected(string source, string location, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unchanged {Source} (sha256 {Sha256} already ingested)")]
    private partial void LogUnchanged(string source, string sha256);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ingested {Source} as {Format}: {Components} components, {NodesAdded} new nodes, {EdgesAdded} new edges")]
    private partial void LogIngested(string source, string format, int components, int nodesAdded, int edgesAdded);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} at {Location}: {Message}")]
    private partial void LogWarning(string source, string location, string message);
}
