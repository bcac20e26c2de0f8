using System.Buffers;
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

    /// <summary>
    /// <see cref="LargeDocumentBytes"/> for this ingestor: documents this large stream in small chunks into their
    /// open transaction and are never read ahead. Tests lower it to exercise that path with small files.
    /// </summary>
    internal long LargeDocumentThreshold { get; init; } = LargeDocumentBytes;

    /// <summary>
    /// Where a bulk load reads its files into, each array returned once its document is finished with
    /// (<see cref="PreparedDocument.Rented"/>): a tier M SBOM is ~400 KB, a fresh array on the large object heap each, and
    /// that heap's budget set off most of the load's full collections. Tests count what is rented and returned.
    /// </summary>
    internal ArrayPool<byte> ReadBuffers { get; init; } = ArrayPool<byte>.Shared;

    /// <summary>Records per chunk for documents under the threshold. Tests lower it so small files spill.</summary>
    internal int SpillThreshold { get; init; } = IngestBatchBuilder.DefaultSpillThreshold;

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

    public IngestReport IngestFile(string path) =>
        TryReadFile(path, out var bytes, out var reason) ? IngestBytes(path, bytes) : Rejected(path, "file", reason);

    /// <summary>Reads a file within the size limit into an array of its own; touches no store.</summary>
    private bool TryReadFile(string path, out byte[] bytes, out string reason)
    {
        bytes = [];
        if (!TryReadFile(path, pool: null, out var array, out var length, out reason))
        {
            return false;
        }

        bytes = length == array.Length ? array : array[..length];
        return true;
    }

    /// <summary>
    /// The file's first <paramref name="length"/> bytes (all of them, unless it shrank while read) in
    /// <paramref name="array"/>: rented from <paramref name="pool"/> (and given back on failure), or allocated at the
    /// file's size without one.
    /// </summary>
    private bool TryReadFile(string path, ArrayPool<byte>? pool, out byte[] array, out int length, out string reason)
    {
        (array, length) = ([], 0);
        byte[]? taken = null;
        try
        {
            using var handle = File.OpenHandle(path);
            if (!WithinLimit(handle, out var size, out reason))
            {
                return false;
            }

            taken = pool?.Rent((int)size) ?? GC.AllocateUninitializedArray<byte>((int)size);
            length = ReadAll(handle, taken, size);
            array = taken;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (taken is not null)
            {
                pool?.Return(taken);
            }

            length = 0;
            reason = Unreadable(ex);
            return false;
        }
    }

    /// <summary>
    /// The size of the file itself, through its open handle: a path's <see cref="FileInfo.Length"/> is the size of a
    /// symbolic link, not of the document it names, so a linked file passed the size limit unmeasured.
    /// </summary>
    private bool WithinLimit(Microsoft.Win32.SafeHandles.SafeFileHandle handle, out long size, out string reason)
    {
        size = RandomAccess.GetLength(handle);
        reason = size > _options.MaxDocumentBytes
            ? $"{size:N0} bytes is over the document size limit of {_options.MaxDocumentBytes:N0} bytes"
            : size > Array.MaxLength
                ? $"{size:N0} bytes is more than a document can be read into (at most {Array.MaxLength:N0})"
                : string.Empty;
        return reason.Length == 0;
    }

    /// <summary>Reads up to <paramref name="size"/> bytes from the start; fewer when the file ended sooner.</summary>
    private static int ReadAll(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] into, long size)
    {
        var length = 0;
        int count;
        while (length < size && (count = RandomAccess.Read(handle, into.AsSpan(length, (int)size - length), length)) > 0)
        {
            length += count;
        }

        return length;
    }

    private static string Unreadable(Exception ex) => $"cannot be read: {ex.Message}";

    /// <summary>
    /// Ingests one document given as bytes. <paramref name="hints"/> (environment, cluster) override the run's
    /// own for this document: an HTTP upload names its cluster per request.
    /// </summary>
    public IngestReport IngestBytes(string source, byte[] content, IReadOnlyDictionary<string, string>? hints = null)
    {
        byte[] expanded;
        try
        {
            expanded = Decompression.Expand(content, _options.MaxDecompressedBytes, out _);
        }
        catch (DocumentRejectedException ex)
        {
            // Empty, not null: what reports said before the hash was split out of this method.
            return Rejected(source, ex.Location, ex.Reason, string.Empty);
        }

        return IngestExpanded(source, expanded, Sha256Of(expanded), MergeHints(hints));
    }

    /// <summary>
    /// The sequential path for one expanded document: already known? → sniff → read inside the document's
    /// open transaction → commit → publish.
    /// </summary>
    private IngestReport IngestExpanded(string source, ReadOnlyMemory<byte> expanded, string sha256, IReadOnlyDictionary<string, string> hints)
    {
        try
        {
            if (_store.ContainsDocument(sha256))
            {
                return Unchanged(source, sha256, expanded.Length);
            }

            var reader = _sniffer.Detect(new DocumentInput(Path.GetFileName(source), expanded, sha256) { Hints = hints });
            if (expanded.Length < LargeDocumentThreshold)
            {
                return ReadThenCommit(source, expanded, sha256, hints, reader);
            }

            // A large document's transaction is open while it is read, so it streams into the store in
            // chunks; a rejection disposes the writer, which rolls every chunk back.
            CommitResult result;
            IngestBatch batch;
            using (var writer = _store.BeginDocument(sha256, expanded))
            {
                if (writer.AlreadyPresent)
                {
                    return AlreadyStored(source, sha256, reader.Format, expanded.Length);
                }

                batch = reader.Read(ReadInput(source, expanded, sha256, hints, writer));
                result = writer.Complete(batch);
            }

            return Published(source, reader.Format, expanded.Length, sha256, result, batch);
        }
        catch (DocumentRejectedException ex)
        {
            return Rejected(source, ex.Location, ex.Reason, sha256);
        }
    }

    /// <summary>
    /// A document under the large-document threshold, one by one: its raw bytes are Brotli-encoded on a pool
    /// thread while it is read here (<see cref="RawEncoding"/>: ~2 ms of a 1,000-component SBOM's ~22 ms, and it
    /// needs nothing from the read), then it commits as a read-ahead document does: spilled chunks recorded and
    /// replayed into the transaction, which opens only once the batch is read. A rejection writes nothing.
    /// </summary>
    private IngestReport ReadThenCommit(string source, ReadOnlyMemory<byte> expanded, string sha256, IReadOnlyDictionary<string, string> hints, IDocumentReader reader)
    {
        if (_options.OverlapReadAndCommit && expanded.Length >= OverlapMinimumBytes)
        {
            return ReadWhileCommitting(source, expanded, sha256, hints, reader);
        }

        var raw = RawEncoding.Start(expanded);
        try
        {
            return ReadInline(source, expanded, sha256, hints, reader, raw.Result);
        }
        finally
        {
            // A rejected document's encoding is not waited for by ReadInline; its bytes may go back to a pool after this.
            raw.Settle();
        }
    }

    /// <summary>Reads the document on this thread (spilled chunks recorded), then commits it with <paramref name="raw"/>.</summary>
    private IngestReport ReadInline(string source, ReadOnlyMemory<byte> expanded, string sha256, IReadOnlyDictionary<string, string> hints, IDocumentReader reader, Func<RawDocument> raw)
    {
        var chunks = new ChunkRecorder();
        var batch = reader.Read(ReadInput(source, expanded, sha256, hints, chunks));
        return CommitRead(source, reader.Format, expanded.Length, sha256, raw(), chunks, batch);
    }

    /// <summary>
    /// Commits a document read before its transaction opened (one by one or read ahead): its spilled chunks
    /// replayed, then the rest of its batch. Unchanged when the store gained it in the meantime.
    /// </summary>
    private IngestReport CommitRead(string source, string format, int bytes, string sha256, RawDocument raw, ChunkRecorder? chunks, IngestBatch batch)
    {
        CommitResult result;
        using (var writer = _store.BeginDocument(sha256, raw))
        {
            if (writer.AlreadyPresent)
            {
                return AlreadyStored(source, sha256, format, bytes);
            }

            chunks?.ReplayInto(writer);
            result = writer.Complete(batch);
        }

        return Published(source, format, bytes, sha256, result, batch);
    }

    private DocumentInput ReadInput(string source, ReadOnlyMemory<byte> expanded, string sha256, IReadOnlyDictionary<string, string> hints, IBatchSink spill, int? spillThreshold = null) =>
        new(Path.GetFileName(source), expanded, sha256)
        {
            Spill = spill,
            Hints = hints,
            Trust = _options.Trust,
            SpillThreshold = spillThreshold ?? SpillThresholdFor(expanded.Length, LargeDocumentThreshold, SpillThreshold),
        };

    /// <summary>Publishes a committed batch to the index (after its writer is disposed) and reports it.</summary>
    /// <param name="taken">The chunks committed before the batch, when they were kept (<see cref="OverlappedRead"/>).</param>
    private IngestReport Published(string source, string format, int bytes, string sha256, CommitResult result, IngestBatch batch, OverlappedRead? taken = null)
    {
        // A supersession can retire edges, which Apply (append-only) cannot express, so it reloads from the store;
        // so does a chunked batch whose earlier chunks were not kept (it holds only its last chunk).
        if (result.SupersessionChanged || (batch.IsPartial && taken is null))
        {
            _index?.LoadFrom(_store);
        }
        else if (taken is { NodeChunks.Count: > 0 })
        {
            _index?.Apply([.. taken.NodeChunks, batch.Nodes], [.. taken.EdgeChunks, batch.Edges], result.Sequence);
        }
        else
        {
            _index?.Apply(batch, result.Sequence);
        }

        var components = batch.Totals.Components;
        LogIngested(source, format, components, result.NodesAdded, result.EdgesAdded);
        foreach (var warning in batch.Warnings)
        {
            LogWarning(source, warning.Location, warning.Message);
        }

        return new IngestReport
        {
            Source = source,
            Outcome = IngestOutcome.Ingested,
            Sha256 = sha256,
            Format = format,
            NodesAdded = result.NodesAdded,
            EdgesAdded = result.EdgesAdded,
            Components = components,
            Bytes = bytes,
            Sequence = result.Sequence,
            Warnings = batch.Warnings,
        };
    }

    private static string Sha256Of(ReadOnlySpan<byte> expanded) => Convert.ToHexStringLower(SHA256.HashData(expanded));

    /// <summary>The run's hints, overridden per key by the document's own.</summary>
    private IReadOnlyDictionary<string, string> MergeHints(IReadOnlyDictionary<string, string>? hints)
    {
        var runHints = _options.Hints();
        return hints is { Count: > 0 }
            ? runHints.Concat(hints).GroupBy(h => h.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal)
            : runHints;
    }

    /// <summary>The store gained the document between the duplicate check and its transaction (another ingest of the same bytes).</summary>
    private static IngestReport AlreadyStored(string source, string sha256, string format, int bytes) =>
        new() { Source = source, Outcome = IngestOutcome.Unchanged, Sha256 = sha256, Format = format, Bytes = bytes };

    private IngestReport Unchanged(string source, string sha256, int bytes)
    {
        LogUnchanged(source, sha256);
        return new IngestReport { Source = source, Outcome = IngestOutcome.Unchanged, Sha256 = sha256, Bytes = bytes };
    }

    /// <summary>
    /// Small chunks for large documents. A 50,000-record chunk (~30 MB of records) lives long enough to be
    /// promoted to generation 2 and dies there, so a 250 MB SBOM left ~170 MB of such garbage floating between
    /// full collections (measured: 620 MiB heap for 450 MiB live). Chunks of 5,000 die young. Smaller documents
    /// keep the default: one that fits in one chunk is applied to the index as a batch instead of reloading it.
    /// </summary>
    internal static int SpillThresholdFor(long bytes, long largeDocumentBytes = LargeDocumentBytes, int spillThreshold = IngestBatchBuilder.DefaultSpillThreshold) =>
        bytes >= largeDocumentBytes ? LargeDocumentSpillThreshold : spillThreshold;

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
