using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// Many documents on two cores: document n+1 is read (sniff, read + map, raw encoding: all pure) on a worker
/// while document n commits on the caller's thread, one transaction per document as on the sequential
/// path, with the same reports in the same order and the same store contents. The store is used from the
/// caller's thread only, and at most one document is read ahead, so memory is one batch more than sequential.
/// </summary>
public sealed partial class Ingestor
{
    /// <summary>
    /// Ingests the files in order; <paramref name="reported"/> is called on the caller's thread after each one
    /// (e.g. for a progress bar). A large document (<see cref="LargeDocumentThreshold"/>) is read inside its
    /// transaction, streaming chunks, with nothing read beside it: it already needs the memory.
    /// </summary>
    public IReadOnlyList<IngestReport> IngestFiles(IReadOnlyList<string> paths, Action<IngestReport>? reported = null)
    {
        var reports = new List<IngestReport>(paths.Count);
        var hints = MergeHints(null);

        // Hashes met in this run: a repeat is not read again (the store will call it Unchanged). Caller's thread only.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Task<PreparedDocument>? ahead = null;
        using var worker = new ReadAheadThread();
        try
        {
            for (var i = 0; i < paths.Count; i++)
            {
                PreparedDocument current;
                if (ahead is null)
                {
                    var loaded = Load(paths[i], hints, seen);
                    current = WorthReading(loaded) ? Read(loaded) : loaded;
                }
                else
                {
                    current = ahead.GetAwaiter().GetResult();
                }

                ahead = null;
                if (i + 1 < paths.Count && !IsLarge(current))
                {
                    // The next file's bytes and hash come first, on this thread, so bytes the store already holds
                    // are Unchanged without being read (as on the sequential path); only new ones are read beside
                    // this commit.
                    var next = Load(paths[i + 1], hints, seen);
                    ahead = WorthReading(next) ? worker.Read(() => Read(next)) : Task.FromResult(next);
                }

                var report = CommitPrepared(current);
                reports.Add(report);
                reported?.Invoke(report);
            }
        }
        finally
        {
            // A commit failed (the exception is on its way out): let the read finish rather than run on unobserved.
            if (ahead is not null)
            {
                ((IAsyncResult)ahead).AsyncWaitHandle.WaitOne();
            }
        }

        return reports;
    }

    private bool IsLarge(PreparedDocument document) =>
        document.Sequential && (document.Sha256 is null || document.Expanded.Length >= LargeDocumentThreshold);

    private bool WorthReading(PreparedDocument loaded) =>
        loaded is { Sequential: false, Reason: null, Sha256.Length: > 0 } && !_store.ContainsDocument(loaded.Sha256);

    /// <summary>File, size limit, decompression and hash: cheap next to reading. A rejection is kept, not reported yet.</summary>
    private PreparedDocument Load(string path, IReadOnlyDictionary<string, string> hints, HashSet<string> seen)
    {
        if (IsLargeFile(path))
        {
            return new PreparedDocument { Source = path, Sequential = true };
        }

        if (!TryReadFile(path, out var bytes, out var unreadable))
        {
            return new PreparedDocument { Source = path, RejectedAt = "file", Reason = unreadable };
        }

        byte[] expanded;
        try
        {
            expanded = Decompression.Expand(bytes, _options.MaxDecompressedBytes, out _);
        }
        catch (DocumentRejectedException ex)
        {
            return new PreparedDocument { Source = path, Sha256 = string.Empty, RejectedAt = ex.Location, Reason = ex.Reason };
        }

        var sha256 = Sha256Of(expanded);
        var sequential = expanded.Length >= LargeDocumentThreshold || !seen.Add(sha256);
        return new PreparedDocument { Source = path, Sha256 = sha256, Expanded = expanded, Hints = hints, Sequential = sequential };
    }

    /// <summary>The pure half, on the worker: sniff, read + map (chunks recorded), raw bytes encoded.</summary>
    private PreparedDocument Read(PreparedDocument loaded)
    {
        var (path, expanded, sha256, hints) = (loaded.Source, loaded.Expanded, loaded.Sha256!, loaded.Hints);
        try
        {
            var reader = _sniffer.Detect(new DocumentInput(Path.GetFileName(path), expanded, sha256) { Hints = hints });
            var chunks = new ChunkRecorder();
            var batch = reader.Read(ReadInput(path, expanded, sha256, hints, chunks));
            return loaded with { Format = reader.Format, Batch = batch, Chunks = chunks, Raw = new RawDocument(expanded) };
        }
        catch (DocumentRejectedException ex)
        {
            return loaded with { RejectedAt = ex.Location, Reason = ex.Reason };
        }
    }

    /// <summary>The store half, on the caller's thread, deciding in the sequential path's order.</summary>
    private IngestReport CommitPrepared(PreparedDocument document)
    {
        if (document.Sequential)
        {
            return document.Sha256 is null
                ? IngestFile(document.Source)
                : IngestExpanded(document.Source, document.Expanded, document.Sha256, document.Hints);
        }

        var sha256 = document.Sha256;
        if (string.IsNullOrEmpty(sha256))
        {
            return Rejected(document.Source, document.RejectedAt!, document.Reason!, sha256);
        }

        try
        {
            // Known bytes are Unchanged before anything about them is judged, as on the sequential path.
            if (_store.ContainsDocument(sha256))
            {
                return Unchanged(document.Source, sha256, document.Expanded.Length);
            }

            if (document.Reason is not null)
            {
                return Rejected(document.Source, document.RejectedAt!, document.Reason, sha256);
            }

            if (document.Batch is null)
            {
                // Not read ahead because the store held it when it was loaded; it always will, so this is only a guard.
                return IngestExpanded(document.Source, document.Expanded, sha256, document.Hints);
            }

            return CommitRead(document.Source, document.Format!, document.Expanded.Length, sha256, document.Raw ?? new RawDocument(document.Expanded), document.Chunks, document.Batch);
        }
        catch (DocumentRejectedException ex)
        {
            return Rejected(document.Source, ex.Location, ex.Reason, sha256);
        }
    }

    private bool IsLargeFile(string path)
    {
        try
        {
            return new FileInfo(path).Length >= LargeDocumentThreshold;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // TryReadFile reports it
        }
    }
}
