using System.Collections.Concurrent;

namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// The one thread that reads every document read ahead in a run (<see cref="Ingestor.IngestFiles"/>). The
/// readers keep per-thread tables and caches (the batch builder's identity tables, purl and string caches,
/// mapper scratch lists); a thread-pool task lands on whichever thread is free and rebuilds them there, which
/// measured as ~28% more process CPU than reading one document after the other.
/// </summary>
internal sealed class ReadAheadThread : IDisposable
{
    private readonly BlockingCollection<(Func<PreparedDocument> Work, TaskCompletionSource<PreparedDocument> Done)> _queue = new();
    private readonly Thread _thread;

    public ReadAheadThread()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "ingest read-ahead" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on the thread; the task completes with its result or its exception.</summary>
    public Task<PreparedDocument> Read(Func<PreparedDocument> work)
    {
        var done = new TaskCompletionSource<PreparedDocument>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add((work, done));
        return done.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
    }

    private void Run()
    {
        foreach (var (work, done) in _queue.GetConsumingEnumerable())
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        }
    }
}
