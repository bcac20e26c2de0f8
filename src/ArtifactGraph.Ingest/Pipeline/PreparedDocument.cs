using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// One document after the pure half of the pipeline: loaded (file read, decompress, hash) on the caller's thread,
/// then read (sniff, read + map, and usually encode: <see cref="Raw"/>) on the read-ahead worker without the store
/// when the store does not hold it yet. The committing thread finishes it (<see cref="Ingestor"/>'s pipelined path): the store decides
/// Unchanged first, exactly as on the sequential path.
/// </summary>
internal sealed record PreparedDocument
{
    public required string Source { get; init; }

    /// <summary>Null when the file could not be read; empty when it could not be decompressed (as reports say).</summary>
    public string? Sha256 { get; init; }

    public ReadOnlyMemory<byte> Expanded { get; init; }

    /// <summary>
    /// The pooled array <see cref="Expanded"/> was read into (when the file was not compressed), returned by the bulk
    /// load once the document is finished with (<see cref="Ingestor.IngestFiles"/>); null when nothing is rented.
    /// </summary>
    public byte[]? Rented { get; init; }

    public IReadOnlyDictionary<string, string> Hints { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Not read ahead: a large document (it streams into its open transaction) or a repeat of a hash seen earlier
    /// in the run (the store will say Unchanged). The committing thread runs the sequential path on it: on the
    /// expanded bytes, or from the file when <see cref="Sha256"/> is null (a large file, not even loaded).
    /// </summary>
    public bool Sequential { get; init; }

    public string? Format { get; init; }

    public IngestBatch? Batch { get; init; }

    /// <summary>
    /// The raw bytes encoded for storage, with <see cref="Batch"/>: by the reader, off the committing thread, unless the
    /// commits were waiting for reads (then null, and the committing thread encodes them: <see cref="Ingestor"/>).
    /// </summary>
    public RawDocument? Raw { get; init; }

    public ChunkRecorder? Chunks { get; init; }

    public string? RejectedAt { get; init; }

    public string? Reason { get; init; }
}
