using System.Buffers;
using System.Text;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Ingest.Pipeline;

namespace ArtifactGraph.Ingest.Tests.Pipeline;

public sealed class RawEncodingTests
{
    private static readonly byte[] Sbom = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("""{"type":"library","name":"left-pad","version":"1.3.0"},""", 200)));

    [Fact]
    public void Result_Started_SameBytesAsEncodingInline()
    {
        var expected = new RawDocument(Sbom);

        var raw = RawEncoding.Start(Sbom).Result();

        Assert.Equal(expected.Encoding, raw.Encoding);
        Assert.Equal(expected.Encoded, raw.Encoded);
        Assert.Equal(Sbom, raw.Bytes.ToArray());
    }

    [Fact]
    public void Result_AskedTwice_OneEncoding()
    {
        var encoding = RawEncoding.Start(Sbom);

        Assert.Same(encoding.Result(), encoding.Result());
    }

    [Fact]
    public void Result_ManyAtOnce_EachItsOwnBytes()
    {
        // Whichever of the pool and the caller claims an encoding first runs it; none may be lost or swapped.
        var inputs = Enumerable.Range(0, 64).Select(i => Encoding.UTF8.GetBytes($"document {i} " + new string('x', i * 37))).ToList();

        var encodings = inputs.Select(bytes => RawEncoding.Start(bytes)).ToList();

        for (var i = 0; i < inputs.Count; i++)
        {
            var raw = encodings[i].Result();
            Assert.Equal(inputs[i], RawCompression.Decode(raw.Encoded, raw.Encoding, inputs[i].Length));
        }
    }

    [Fact]
    public async Task Settle_WhileThePoolEncodes_WaitsForItsEnd()
    {
        // A rejected document's bytes may go back to a pool once its encoding is settled: none may still be reading them.
        using var bytes = new GatedMemory(Sbom);
        var encoding = RawEncoding.Start(bytes.Memory);
        Assert.True(bytes.Started.Wait(TimeSpan.FromSeconds(30)), "the pool never began the encoding");

        var settled = Task.Run(encoding.Settle);
        try
        {
            Assert.NotSame(settled, await Task.WhenAny(settled, Task.Delay(100))); // not while the encoding reads the bytes
        }
        finally
        {
            bytes.Proceed.Set();
        }

        await settled.WaitAsync(TimeSpan.FromSeconds(30));
        var raw = encoding.Result();
        Assert.Equal(Sbom, RawCompression.Decode(raw.Encoded, raw.Encoding, Sbom.Length));
    }

    /// <summary>Memory whose span, once asked for (the encoding has begun), is handed out only when the test lets it.</summary>
    private sealed class GatedMemory(byte[] bytes) : MemoryManager<byte>
    {
        public ManualResetEventSlim Started { get; } = new();

        public ManualResetEventSlim Proceed { get; } = new();

        // The base asks GetSpan for the length, which would wait here for the gate.
        public override Memory<byte> Memory => CreateMemory(bytes.Length);

        public override Span<byte> GetSpan()
        {
            Started.Set();
            Proceed.Wait();
            return bytes;
        }

        public override MemoryHandle Pin(int elementIndex = 0) => throw new NotSupportedException();

        public override void Unpin() => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Started.Dispose();
            Proceed.Dispose();
        }
    }
}
