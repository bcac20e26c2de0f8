using System.Text;
using ArtifactGraph.Ingest.Pipeline;

namespace ArtifactGraph.Ingest.Tests.Pipeline;

public class FormatSnifferTests
{
    private static DocumentInput Input(string text) => new("x.json", Encoding.UTF8.GetBytes(text), "00");

    [Fact]
    public void Detect_CycloneDxJson_PicksCycloneDxReader()
    {
        var reader = new FormatSniffer(Readers.All).Detect(Input("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\"}"));

        Assert.Equal("CycloneDX-JSON", reader.Format);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{\"hello\": 1}", "JSON object")]
    [InlineData("<rdf:RDF/>", "XML")]
    [InlineData("just text", "not JSON or XML")]
    public void Detect_Unrecognised_SaysWhatItSaw(string content, string expected)
    {
        var ex = Assert.Throws<DocumentRejectedException>(() => new FormatSniffer(Readers.All).Detect(Input(content)));

        Assert.Contains(expected, ex.Reason);
        Assert.Contains("CycloneDX-JSON", ex.Reason);
    }
}
