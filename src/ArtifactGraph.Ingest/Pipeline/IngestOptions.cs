namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>Limits applied to every document before a reader sees it (DESIGN.md §7).</summary>
public sealed class IngestOptions
{
    /// <summary>Largest file accepted as given (compressed or not).</summary>
    public long MaxDocumentBytes { get; set; } = 1L << 30;

    /// <summary>Largest size a compressed document may expand to: a bound against decompression bombs.</summary>
    public long MaxDecompressedBytes { get; set; } = 2L << 30;

    /// <summary>Keys and Sigstore roots that signed documents are verified against (<c>--trust FILE</c>).</summary>
    public Trust.TrustStore Trust { get; set; } = Ingest.Trust.TrustStore.Empty;

    /// <summary>
    /// <c>ingest --environment</c>: the environment of the inventories ingested (a hint readers pass to
    /// <see cref="DocumentInput.Hints"/> as <c>environment</c>; inventory readers let it win over labels).
    /// </summary>
    public string? Environment { get; set; }

    /// <summary><c>ingest --cluster</c>: the cluster of the inventories ingested (hint <c>cluster</c>).</summary>
    public string? Cluster { get; set; }

    /// <summary>
    /// One by one (<see cref="Ingestor.IngestFile"/>, <see cref="Ingestor.IngestBytes"/>), read a document on a dedicated
    /// thread while its transaction writes the chunks already read (<see cref="OverlappedRead"/>). Off: read, then
    /// commit, on the calling thread. The stored rows are the same either way; the switch is for A/B runs and tests.
    /// </summary>
    public bool OverlapReadAndCommit { get; set; } = true;

    /// <summary>
    /// Records per chunk when a document is read while it commits: the first is ready before the calling thread has
    /// encoded the raw bytes (~11% of a 1,000-component SBOM), and ~9 hand-overs per such document wake the committing
    /// thread less often than 256-record chunks (~35) did. See docs/BENCHMARKS-HISTORY.md, "fifth pass".
    /// </summary>
    public int OverlapChunkRecords { get; set; } = DefaultOverlapChunkRecords;

    public const int DefaultOverlapChunkRecords = 1_024;

    /// <summary>
    /// How long the calling thread, its raw bytes encoded, waits for the reader thread to start an overlapped read
    /// before it reads the document itself: that thread starts within microseconds on idle cores, and milliseconds late under
    /// load. See docs/BENCHMARKS-HISTORY.md, "fifth pass".
    /// </summary>
    public TimeSpan OverlapStartGrace { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// <see cref="Ingestor.IngestFiles"/>: how many documents may be read ahead of the one committing, and how many of their
    /// (decompressed) bytes; one always may. Several keep the reader busy through a long commit.
    /// </summary>
    public int ReadAheadDocuments { get; set; } = 8;

    /// <inheritdoc cref="ReadAheadDocuments"/>
    public long ReadAheadBytes { get; set; } = 16L << 20;

    /// <summary>The hints every document of this run is read with.</summary>
    public IReadOnlyDictionary<string, string> Hints()
    {
        var hints = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(Environment))
        {
            hints["environment"] = Environment.Trim();
        }

        if (!string.IsNullOrWhiteSpace(Cluster))
        {
            hints["cluster"] = Cluster.Trim();
        }

        return hints;
    }

    public void Validate()
    {
        if (MaxDocumentBytes <= 0 || MaxDecompressedBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDocumentBytes), "Document size limits must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(OverlapChunkRecords, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReadAheadDocuments, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReadAheadBytes, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(OverlapStartGrace, TimeSpan.Zero);
    }
}
