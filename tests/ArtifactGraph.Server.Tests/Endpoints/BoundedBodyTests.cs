using ArtifactGraph.Server.Endpoints;
using Microsoft.AspNetCore.Http;

namespace ArtifactGraph.Server.Tests.Endpoints;

/// <summary>
/// A body is read whole up to the limit, whether its length is declared (read straight into an array of
/// that size) or not (chunked, read in pooled chunks and counted); over the limit it is refused (null).
/// </summary>
public sealed class BoundedBodyTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(81_920, true)]
    [InlineData(200_001, true)]
    [InlineData(0, false)]
    [InlineData(81_919, false)]
    [InlineData(81_921, false)]
    [InlineData(300_000, false)]
    public async Task ReadsTheWholeBody(int size, bool declared)
    {
        var bytes = Bytes(size);
        var body = await BoundedBody.ReadAsync(Request(bytes, declared, dribble: 7_777), 1 << 20, CancellationToken.None);
        Assert.Equal(bytes, body);
    }

    [Fact]
    public async Task DeclaredOverTheLimit_IsRefusedBeforeReading()
    {
        var request = Request(Bytes(1_001), declared: true, dribble: 1_001);
        Assert.Null(await BoundedBody.ReadAsync(request, 1_000, CancellationToken.None));
        Assert.Equal(0, request.Body.Position);
    }

    [Fact]
    public async Task ChunkedOverTheLimit_IsRefused()
    {
        Assert.Null(await BoundedBody.ReadAsync(Request(Bytes(100_001), declared: false, dribble: 30_000), 100_000, CancellationToken.None));
        Assert.NotNull(await BoundedBody.ReadAsync(Request(Bytes(100_000), declared: false, dribble: 30_000), 100_000, CancellationToken.None));
    }

    [Fact]
    public async Task DeclaredLongerThanSent_ReturnsWhatCame()
    {
        // Kestrel fails such a read itself; a stream that just ends gives back what it had.
        var request = Request(Bytes(10), declared: true, dribble: 3);
        request.ContentLength = 20;
        Assert.Equal(Bytes(10), await BoundedBody.ReadAsync(request, 1_000, CancellationToken.None));
    }

    private static byte[] Bytes(int size) => [.. Enumerable.Range(0, size).Select(i => (byte)(i * 31 + 7))];

    private static HttpRequest Request(byte[] bytes, bool declared, int dribble)
    {
        var request = new DefaultHttpContext().Request;
        request.Body = new DribblingStream(bytes, dribble);
        request.ContentLength = declared ? bytes.Length : null;
        return request;
    }

    /// <summary>Hands out at most <c>most</c> bytes a read, as a network body does.</summary>
    private sealed class DribblingStream(byte[] bytes, int most) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, most));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, most)], cancellationToken);
    }
}
