using ArtifactGraph.Server.Operations;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArtifactGraph.Server.Tests.Operations;

public sealed class IngestTrackerTests
{
    [Fact]
    public async Task StopAsync_IngestInFlight_WaitsUntilItEnds()
    {
        var tracker = new IngestTracker(NullLogger<IngestTracker>.Instance);
        var lease = tracker.TryBegin();

        var stopping = tracker.StopAsync(CancellationToken.None);
        await Task.Delay(100);

        Assert.False(stopping.IsCompleted);
        lease!.Dispose();
        await stopping.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, tracker.InFlight);
    }

    [Fact]
    public async Task TryBegin_AfterStop_RefusesNewIngests()
    {
        var tracker = new IngestTracker(NullLogger<IngestTracker>.Instance);

        await tracker.StopAsync(CancellationToken.None);

        Assert.Null(tracker.TryBegin());
    }

    [Fact]
    public async Task StopAsync_ShutdownTimeoutPasses_GivesUp()
    {
        var tracker = new IngestTracker(NullLogger<IngestTracker>.Instance);
        using var lease = tracker.TryBegin();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tracker.StopAsync(timeout.Token));
    }
}
