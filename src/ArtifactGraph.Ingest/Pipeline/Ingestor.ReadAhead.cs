using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// Many documents on two cores: document n+1 is read (sniff, read + map, and the raw encoding unless the commits have
/// time for it: all pure) on a worker while document n commits on the caller's thread, one transaction per document
/// as on the sequential path, with the same reports in the same order and the same store contents. The store is used
/// from the caller's thread only. A few documents are read ahead (<see cref="IngestOptions.ReadAheadDocuments"/>, within
/// <see cref="IngestOptions.ReadAheadBytes"/>), so memory is a few batches more than sequential, and the reader keeps
/// going through a commit far longer than a read.
/// </summary>
public sealed partial class Ingestor
{
    /// <summary>Documents read and waiting from which the reader takes the raw encoding back (<see cref="CommitsShouldEncode"/>).</summary>
    private const int ReadyToEncodeOnReader = 2;

    // Set by the committing thread as it takes each document read ahead, read by the reader as it finishes one.
    private volatile bool _encodeOnCommit;

    /// <summary>Test hook: called on the committing thread with each document whose raw bytes it encodes.</summary>
    internal Action<string>? EncodedOnCommit { get; init; }

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

        // Documents loaded and handed to the worker, in order, with the bytes they hold: several, so the reader keeps
        // going through a long commit (the first one's, or one that merges staged provenance) instead of idling.
        var ahead = new Queue<(PreparedDocument Loaded, Task<PreparedDocument> Read)>();
        long aheadBytes = 0;
        var next = 0;
        try
        {
            for (var i = 0; i < paths.Count; i++)
            {
                PreparedDocument loaded;
                Task<PreparedDocument>? read = null;
                if (ahead.Count == 0)
                {
                    loaded = Load(paths[next++], hints, seen);
                }
                else
                {
                    (loaded, read) = ahead.Dequeue();
                    aheadBytes -= loaded.Expanded.Length;
                    _encodeOnCommit = CommitsShouldEncode(read, ahead);
                }

                IngestReport report;
                try
                {
                    var current = read?.GetAwaiter().GetResult() ?? (WorthReading(loaded) ? Read(loaded) : loaded);

                    // The next files' bytes and hashes come first, on this thread, so bytes the store already holds are
                    // Unchanged without being read (as on the sequential path); only new ones are read beside this commit.
                    // Nothing is read beside a large document, nor past one: it already needs the memory.
                    while (!IsLarge(current) && next < paths.Count && HasRoomAhead(ahead, aheadBytes))
                    {
                        var following = Load(paths[next++], hints, seen);
                        ahead.Enqueue((following, WorthReading(following) ? ReadOnOverlapThread(following) : Task.FromResult(following)));
                        aheadBytes += following.Expanded.Length;
                    }

                    report = CommitPrepared(current);
                }
                finally
                {
                    // Read, committed or failed: its bytes are not needed again (the read result shares them).
                    Release(loaded);
                }

                reports.Add(report);
                reported?.Invoke(report);
            }
        }
        finally
        {
            // A commit failed (the exception is on its way out): let the reads finish rather than run on unobserved, then give
            // their bytes back.
            foreach (var (loaded, read) in ahead)
            {
                ((IAsyncResult)read).AsyncWaitHandle.WaitOne();
                Release(loaded);
            }
        }

        return reports;
    }

    /// <summary>
    /// Which thread Brotli-encodes the raw bytes of the documents read next (~0.7 ms of CPU for a tier M SBOM): the
    /// committing thread once it finds the document it takes not read yet (the reader is the slower thread, so the
    /// commits have time to spare), the reader again once two documents are read and waiting (it is ahead). Encoding
    /// always on the reader left the commits waiting for it whenever the reader was the slower of the two; the store
    /// gets the same bytes either way.
    /// </summary>
    private bool CommitsShouldEncode(Task<PreparedDocument> read, Queue<(PreparedDocument Loaded, Task<PreparedDocument> Read)> ahead)
    {
        if (!read.IsCompleted)
        {
            return true;
        }

        var ready = 0;
        foreach (var (_, next) in ahead)
        {
            ready += next.IsCompleted ? 1 : 0;
        }

        return ready < ReadyToEncodeOnReader && _encodeOnCommit;
    }

    /// <summary>One document ahead always; more while they are few and small enough (<see cref="IngestOptions.ReadAheadDocuments"/>, <see cref="IngestOptions.ReadAheadBytes"/>), and none past a large one.</summary>
    private bool HasRoomAhead(Queue<(PreparedDocument Loaded, Task<PreparedDocument> Read)> ahead, long aheadBytes) =>
        ahead.Count == 0 || (ahead.Count < _options.ReadAheadDocuments && aheadBytes < _options.ReadAheadBytes && !IsLarge(ahead.Last().Loaded));

    /// <summary>
    /// Reads the document on <see cref="OverlapThread"/>, the one thread that reads beside commits in this process, so
    /// the readers' per-thread tables stay warm there; the task completes with the result or the exception.
    /// </summary>
    private Task<PreparedDocument> ReadOnOverlapThread(PreparedDocument loaded)
    {
        var done = new TaskCompletionSource<PreparedDocument>(TaskCreationOptions.RunContinuationsAsynchronously);
        OverlapThread.Post(() =>
        {
            try
            {
                done.SetResult(Read(loaded));
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        });
        return done.Task;
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

        if (!TryReadFile(path, ReadBuffers, out var rented, out var length, out var unreadable))
        {
            return new PreparedDocument { Source = path, RejectedAt = "file", Reason = unreadable };
        }

        ReadOnlyMemory<byte> expanded = rented.AsMemory(0, length);
        if (Decompression.Detect(expanded.Span) is not null)
        {
            // Compressed: expanded into an array of its own, so the read one goes back at once.
            var compressed = expanded.ToArray();
            ReadBuffers.Return(rented);
            rented = null;
            try
            {
                expanded = Decompression.Expand(compressed, _options.MaxDecompressedBytes, out _);
            }
            catch (DocumentRejectedException ex)
            {
                return new PreparedDocument { Source = path, Sha256 = string.Empty, RejectedAt = ex.Location, Reason = ex.Reason };
            }
        }

        var sha256 = Sha256Of(expanded.Span);
        var sequential = expanded.Length >= LargeDocumentThreshold || !seen.Add(sha256);
        return new PreparedDocument { Source = path, Sha256 = sha256, Expanded = expanded, Rented = rented, Hints = hints, Sequential = sequential };
    }

    /// <summary>Gives a finished document's pooled bytes back; nothing reads them after its commit.</summary>
    private void Release(PreparedDocument document)
    {
        if (document.Rented is { } rented)
        {
            ReadBuffers.Return(rented);
        }
    }

    /// <summary>The pure half, on the worker: sniff, read + map (chunks recorded), raw bytes encoded unless <see cref="CommitsShouldEncode"/> said so.</summary>
    private PreparedDocument Read(PreparedDocument loaded)
    {
        var (path, expanded, sha256, hints) = (loaded.Source, loaded.Expanded, loaded.Sha256!, loaded.Hints);
        try
        {
            var reader = _sniffer.Detect(new DocumentInput(Path.GetFileName(path), expanded, sha256) { Hints = hints });
            var chunks = new ChunkRecorder();
            var batch = reader.Read(ReadInput(path, expanded, sha256, hints, chunks));
            return loaded with { Format = reader.Format, Batch = batch, Chunks = chunks, Raw = _encodeOnCommit ? null : new RawDocument(expanded) };
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
            // Known bytes are Unchanged before anything about them is judged, as on the sequential path. A document read
            // ahead was unknown when it was loaded (or it would not have been read), and its writer asks again under the
            // write lock (AlreadyStored), so only the others ask here: a third look-up per document gives nothing.
            if (document.Batch is null && _store.ContainsDocument(sha256))
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

            return CommitRead(document.Source, document.Format!, document.Expanded.Length, sha256, document.Raw ?? EncodeWhileCommitting(document), document.Chunks, document.Batch);
        }
        catch (DocumentRejectedException ex)
        {
            return Rejected(document.Source, ex.Location, ex.Reason, sha256);
        }
    }

    /// <summary>The raw bytes of a document the reader left unencoded (<see cref="CommitsShouldEncode"/>), or not read ahead.</summary>
    private RawDocument EncodeWhileCommitting(PreparedDocument document)
    {
        EncodedOnCommit?.Invoke(document.Source);
        return new RawDocument(document.Expanded);
    }

    private bool IsLargeFile(string path)
    {
        try
        {
            // Through a handle: FileInfo.Length of a symbolic link is the link's size, not the document's.
            using var handle = File.OpenHandle(path);
            return RandomAccess.GetLength(handle) >= LargeDocumentThreshold;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // TryReadFile reports it
        }
    }
}
