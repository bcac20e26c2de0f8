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
}
