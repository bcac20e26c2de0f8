using System.Text;
using ArtifactGraph.Ingest.Trust;

namespace ArtifactGraph.Ingest.Tests.Trust;

public sealed class DssePaeTests
{
    [Fact]
    public void Encode_SpecExample_MatchesProtocolDocument()
    {
        // The DSSE protocol document's example.
        var pae = DssePae.Encode("http://example.com/HelloWorld", "hello world"u8);

        Assert.Equal("DSSEv1 29 http://example.com/HelloWorld 11 hello world", Encoding.UTF8.GetString(pae));
    }

    [Fact]
    public void Encode_MultiByteCharacters_LengthsCountBytesNotCharacters()
    {
        var pae = DssePae.Encode("tÿpe", Encoding.UTF8.GetBytes("é"));

        Assert.Equal("DSSEv1 5 tÿpe 2 é", Encoding.UTF8.GetString(pae));
    }

    [Fact]
    public void Encode_EmptyBody_ZeroLength()
    {
        Assert.Equal("DSSEv1 1 t 0 ", Encoding.UTF8.GetString(DssePae.Encode("t", [])));
    }
}
