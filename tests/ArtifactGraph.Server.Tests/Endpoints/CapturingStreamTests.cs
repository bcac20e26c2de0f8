using ArtifactGraph.Server.Endpoints;

namespace ArtifactGraph.Server.Tests.Endpoints;

/// <summary>A response streamed to the client with a bounded copy for the response cache.</summary>
public sealed class CapturingStreamTests
{
    [Fact]
    public async Task Write_UnderTheBound_PassesThroughAndKeepsTheCopy()
    {
        using var client = new MemoryStream();
        using var capture = new CapturingStream(client, maxCapturedBytes: 6);

        capture.Write([1, 2, 3]);
        await capture.WriteAsync(new byte[] { 4, 5, 6 });

        Assert.Equal([1, 2, 3, 4, 5, 6], client.ToArray());
        Assert.Equal([1, 2, 3, 4, 5, 6], capture.Captured);
    }

    [Fact]
    public async Task Write_PastTheBound_PassesThroughAndDropsTheCopy()
    {
        using var client = new MemoryStream();
        using var capture = new CapturingStream(client, maxCapturedBytes: 5);

        capture.Write([1, 2, 3]);
        await capture.WriteAsync(new byte[] { 4, 5, 6 });
        capture.Write([7]);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], client.ToArray());
        Assert.Null(capture.Captured);
    }
}
