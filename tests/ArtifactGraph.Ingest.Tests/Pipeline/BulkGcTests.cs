using System.Runtime;
using ArtifactGraph.Ingest.Pipeline;

namespace ArtifactGraph.Ingest.Tests.Pipeline;

public sealed class BulkGcTests
{
    [Fact]
    public void Start_BatchUntilDisposedThenThePreviousMode()
    {
        // The test host runs the runtime's default, concurrent GC, so the switch is visible.
        var before = GCSettings.LatencyMode;
        Assert.NotEqual(GCLatencyMode.Batch, before);

        using (BulkGc.Start())
        {
            Assert.Equal(GCLatencyMode.Batch, GCSettings.LatencyMode);
        }

        Assert.Equal(before, GCSettings.LatencyMode);
    }
}
