using System.Buffers;
using ArtifactGraph.Server.GraphQL.Execution;

namespace ArtifactGraph.Server.Tests.GraphQL.Execution;

/// <summary>
/// Result buffers are shared between threads: one returned on another thread (after an await) is handed
/// out again, empty; one grown over the kept size is dropped.
/// </summary>
public sealed class ResultSerializerTests
{
    [Fact]
    public async Task ABufferReturnedOnAnotherThread_IsRentedAgainEmpty()
    {
        // Whatever the pool holds is taken out first, so there is room for the one returned.
        var held = Enumerable.Range(0, 64).Select(_ => ResultSerializer.Rent()).ToList();
        var buffer = ResultSerializer.Rent();
        buffer.Write("partial answer"u8);
        await Task.Run(() => ResultSerializer.Return(buffer));

        // Other tests may rent concurrently, so look for it among a few rents.
        var rented = Enumerable.Range(0, 64).Select(_ => ResultSerializer.Rent()).ToList();
        try
        {
            var again = Assert.Single(rented, b => ReferenceEquals(b, buffer));
            Assert.Equal(0, again.WrittenCount);
        }
        finally
        {
            rented.ForEach(ResultSerializer.Return);
            held.ForEach(ResultSerializer.Return);
        }
    }

    [Fact]
    public void AnOversizedBuffer_IsNotKept()
    {
        var big = new ArrayBufferWriter<byte>(2 << 20);
        ResultSerializer.Return(big);
        var rented = Enumerable.Range(0, 64).Select(_ => ResultSerializer.Rent()).ToList();
        try
        {
            Assert.DoesNotContain(rented, b => ReferenceEquals(b, big));
        }
        finally
        {
            rented.ForEach(ResultSerializer.Return);
        }
    }
}
