namespace ArtifactGraph.Server.Operations;

/// <summary>
/// Counts ingests in flight so shutdown waits for them: a commit is never cut off half-way and the store
/// is not disposed under it. Registered as a hosted service; hosted services stop after the server has
/// stopped accepting requests, so no new ingest can start while it waits.
/// </summary>
internal sealed partial class IngestTracker(ILogger<IngestTracker> logger) : IHostedService
{
    private readonly Lock _lock = new();
    private int _inFlight;
    private bool _stopping;
    private TaskCompletionSource? _drained;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Registers an ingest; null when the server is shutting down (the caller answers 503).</summary>
    public IDisposable? TryBegin()
    {
        lock (_lock)
        {
            if (_stopping)
            {
                return null;
            }

            _inFlight++;
            return new Lease(this);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task drained;
        lock (_lock)
        {
            _stopping = true;
            if (_inFlight == 0)
            {
                return;
            }

            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
            LogWaiting(_inFlight);
        }

        // The host's shutdown timeout bounds the wait.
        await drained.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void End()
    {
        lock (_lock)
        {
            if (--_inFlight == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: waiting for {InFlight} ingest(s) in flight")]
    private partial void LogWaiting(int inFlight);

    private sealed class Lease(IngestTracker tracker) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                tracker.End();
            }
        }
    }
}
