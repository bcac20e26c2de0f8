using System.Collections.Concurrent;

namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// The one thread that reads documents beside commits for the whole process: overlapped reads
/// (<see cref="OverlappedRead"/>, one document read while it commits) and read-ahead (<see cref="Ingestor.IngestFiles"/>,
/// the next documents read while one commits). Readers keep per-thread tables and caches (the batch builder's identity
/// tables, purl and string caches, mapper scratch); on the thread pool a read lands on whichever thread is free and
/// rebuilds them there, which measured ~28% more process CPU than reading on one thread, and under load made the
/// overlapped read 2–3× slower than the same read on the calling thread. One thread keeps them warm. When it is busy
/// with other documents (concurrent uploads, a bulk run's read-ahead), an overlapped read's caller finds its read
/// unclaimed after the grace and reads it itself; read-ahead waits its turn.
/// </summary>
internal static class OverlapThread
{
    private static readonly BlockingCollection<Action> Queue = [];
    private static readonly Lazy<Thread> Thread = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Runs <paramref name="work"/> on the thread, after any work queued before it.</summary>
    public static void Post(Action work)
    {
        _ = Thread.Value;
        Queue.Add(work);
    }

    private static Thread Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "ingest overlapped read" };
        thread.Start();
        return thread;
    }

    private static void Run()
    {
        foreach (var work in Queue.GetConsumingEnumerable())
        {
            // Every posted read captures its exceptions for its caller (OverlappedRead.Run, Ingestor.ReadOnOverlapThread).
            work();
        }
    }
}
