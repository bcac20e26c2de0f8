using ArtifactGraph.Server.Endpoints;

namespace ArtifactGraph.Server.Tests.Endpoints;

/// <summary>A cacheable response held in memory up to a bound, then streamed to the client.</summary>
public sealed class CapturingStreamTests
{
    [Fact]
    public async Task Write_UnderTheBound_HeldNotSent()
    {
        using var client = new MemoryStream();
        var passed = 0;
        using var capture = new CapturingStream(client, maxCapturedBytes: 6, () => passed++);

        capture.Write([1, 2, 3]);
        await capture.WriteAsync(new byte[] { 4, 5, 6 });
        await capture.FlushAsync();

        Assert.Empty(client.ToArray());
        Assert.Equal([1, 2, 3, 4, 5, 6], capture.Captured);
        Assert.Equal(0, passed);
    }

    [Fact]
    public async Task Write_PastTheBound_SendsWhatWasHeldThenPassesThrough()
    {
        using var client = new MemoryStream();
        var passed = 0;
        using var capture = new CapturingStream(client, maxCapturedBytes: 5, () => passed++);

        capture.Write([1, 2, 3]);
        await capture.WriteAsync(new byte[] { 4, 5, 6 });
        capture.Write([7]);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], client.ToArray());
        Assert.Null(capture.Captured);
        Assert.Equal(1, passed);
    }
}
