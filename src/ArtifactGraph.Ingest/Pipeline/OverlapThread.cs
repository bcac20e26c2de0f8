using System.Collections.Concurrent;

namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// The one thread that runs overlapped reads (<see cref="OverlappedRead"/>) for the whole process. Readers keep
/// per-thread tables and caches (the batch builder's identity tables, purl and string caches, mapper scratch); on
/// the thread pool a read lands on whichever thread is free and rebuilds them there (see <see cref="ReadAheadThread"/>:
/// ~28% more CPU), which under load made the overlapped read 2–3× slower than the same read on the calling thread.
/// One thread keeps them warm. When it is busy with another document (concurrent uploads), that document's caller
/// finds its read unclaimed after the grace and reads it itself.
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
            // OverlappedRead.Run captures every exception of the read for its caller; nothing else is posted.
            work();
        }
    }
}
