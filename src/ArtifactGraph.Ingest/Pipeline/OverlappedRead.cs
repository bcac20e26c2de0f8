using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// One document read on the overlap thread (<see cref="OverlapThread"/>) while the calling thread commits the chunks already read (the one-by-one
/// path, <see cref="Ingestor.IngestFile"/>): the reader's spill sink hands each chunk through a bounded queue, and
/// the caller writes them into the document's open writer, which a SQLite connection allows from one thread only.
/// Like <see cref="RawEncoding"/>, whoever claims the read first runs it: when that thread has not started it by the
/// time the caller is ready and a short grace has passed (an oversubscribed machine), the caller reads inline
/// instead of waiting longer for a core.
/// The chunks taken are kept (they are a small document's) so the index can apply the whole document without
/// reloading from the store.
/// </summary>
internal sealed class OverlappedRead : IBatchSink, IDisposable
{
    private const int Unclaimed = 0;
    private const int ReadOnThread = 1;
    private const int ReadByCaller = 2;

    // Chunks of ~1,000 records (IngestOptions.OverlapChunkRecords): 16 are more than a document under the
    // large-document threshold usually has waiting, and bound what waits when the commit falls behind.
    private const int QueuedChunks = 16;

    private readonly Func<IBatchSink, IngestBatch> _read;
    private readonly BlockingCollection<Chunk> _queue = new(QueuedChunks);
    private readonly CancellationTokenSource _stop = new();
    private readonly ManualResetEventSlim _began = new();
    private readonly ManualResetEventSlim _ended = new();
    private readonly List<IReadOnlyList<NodeRecord>> _nodes = [];
    private readonly List<IReadOnlyList<EdgeRecord>> _edges = [];
    private IngestBatch? _batch;
    private ExceptionDispatchInfo? _failure;
    private int _claimed;

    private OverlappedRead(Func<IBatchSink, IngestBatch> read) => _read = read;

    /// <summary>
    /// Queues <paramref name="read"/> (given this as its spill sink) to <see cref="OverlapThread"/>, or to
    /// <paramref name="schedule"/> (tests: a reader thread that starts late or never).
    /// </summary>
    public static OverlappedRead Start(Func<IBatchSink, IngestBatch> read, Action<Action>? schedule = null)
    {
        var overlapped = new OverlappedRead(read);
        (schedule ?? OverlapThread.Post)(overlapped.Run);
        return overlapped;
    }

    /// <summary>Every chunk's nodes taken so far, in order (for the index).</summary>
    public IReadOnlyList<IReadOnlyList<NodeRecord>> NodeChunks => _nodes;

    /// <summary>Every chunk's edges taken so far, in order (for the index).</summary>
    public IReadOnlyList<IReadOnlyList<EdgeRecord>> EdgeChunks => _edges;

    /// <summary>
    /// True when the reader thread has begun the read; false when it had not, and now never will: the caller then
    /// reads the document itself. Waits up to <paramref name="grace"/> for that thread first; <paramref name="waitForThread"/>
    /// (tests) waits for it as long as it takes.
    /// </summary>
    public bool Started(TimeSpan grace, bool waitForThread = false)
    {
        if (waitForThread)
        {
            _began.Wait();
            return true;
        }

        // A bounded wait: under load the reader thread often starts a few milliseconds late, and the read it then does
        // beside the commit is worth more than that; a thread that does not start in time costs only the grace.
        if (grace > TimeSpan.Zero && Volatile.Read(ref _claimed) == Unclaimed)
        {
            _began.Wait(grace);
        }

        return Interlocked.CompareExchange(ref _claimed, ReadByCaller, Unclaimed) == ReadOnThread;
    }

    /// <summary>Writes each chunk into <paramref name="writer"/> as it arrives; returns the read's batch (its last chunk).</summary>
    /// <exception cref="DocumentRejectedException">The reader rejected the document (after some chunks may have been written).</exception>
    public IngestBatch WriteInto(IBatchSink writer)
    {
        foreach (var chunk in _queue.GetConsumingEnumerable())
        {
            writer.Write(chunk.Nodes, chunk.Edges);
            _nodes.Add(chunk.Nodes);
            _edges.Add(chunk.Edges);
        }

        _ended.Wait();
        _failure?.Throw();
        return _batch!;
    }

    /// <summary>
    /// Stops the reader (its next chunk throws) and waits for it to end, so no read of this document outlives its
    /// writer. Safe to call when the read has ended, or never started.
    /// </summary>
    public void Stop()
    {
        _stop.Cancel();
        if (Interlocked.CompareExchange(ref _claimed, ReadByCaller, Unclaimed) == ReadOnThread)
        {
            _ended.Wait();
        }
    }

    /// <summary>Stops the read first: the reader thread touches the queue until it has ended.</summary>
    public void Dispose()
    {
        Stop();
        _queue.Dispose();
        _stop.Dispose();
        _began.Dispose();
        _ended.Dispose();
    }

    /// <summary>The reader's spill sink, on the reader thread: blocks while the queue is full.</summary>
    void IBatchSink.Write(IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges) =>
        // Copied: the builder hands its lists over today, but the sink contract does not promise it will not reuse them.
        _queue.Add(new Chunk(nodes.ToArray(), edges.ToArray()), _stop.Token);

    private void Run()
    {
        if (Interlocked.CompareExchange(ref _claimed, ReadOnThread, Unclaimed) != Unclaimed)
        {
            return;
        }

        _began.Set();
        try
        {
            _batch = _read(this);
        }
        catch (Exception ex)
        {
            // Rethrown on the calling thread: a rejection there disposes the writer, rolling every chunk back.
            _failure = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            // Completed before the end is signalled: once _ended is set, the caller may dispose the queue.
            _queue.CompleteAdding();
            _ended.Set();
        }
    }

    private readonly record struct Chunk(NodeRecord[] Nodes, EdgeRecord[] Edges);
}
