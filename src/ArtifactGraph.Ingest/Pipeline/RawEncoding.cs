using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// A document's raw bytes Brotli-encoded on a pool thread while the caller reads the document (the one-by-one
/// path, <see cref="Ingestor.IngestFile"/>). Whoever comes first does the work: when the caller asks for the
/// result before the pool has started (an oversubscribed machine), it encodes inline rather than wait for a core,
/// so the overlap can save time but never queue behind other work. A rejected document's encoding is settled
/// (<see cref="Settle"/>) before its bytes may be reused.
/// </summary>
internal sealed class RawEncoding
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly TaskCompletionSource<RawDocument> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _claimed;

    private RawEncoding(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    public static RawEncoding Start(ReadOnlyMemory<byte> bytes)
    {
        var encoding = new RawEncoding(bytes);
        ThreadPool.UnsafeQueueUserWorkItem(static e => e.Run(), encoding, preferLocal: false);
        return encoding;
    }

    /// <summary>The encoded document: encoded here if the pool has not begun, else waited for.</summary>
    public RawDocument Result()
    {
        Run();
        return _done.Task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Ends the encoding's use of the bytes: claims it when the pool has not begun (it then never runs), else waits for
    /// it. After this the caller may reuse the bytes (a bulk load returns them to a pool).
    /// </summary>
    public void Settle()
    {
        if (Interlocked.Exchange(ref _claimed, 1) == 0)
        {
            _done.SetCanceled();
            return;
        }

        ((IAsyncResult)_done.Task).AsyncWaitHandle.WaitOne();
    }

    private void Run()
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0)
        {
            return;
        }

        try
        {
            _done.SetResult(new RawDocument(_bytes));
        }
        catch (Exception ex)
        {
            _done.SetException(ex);
        }
    }
}
