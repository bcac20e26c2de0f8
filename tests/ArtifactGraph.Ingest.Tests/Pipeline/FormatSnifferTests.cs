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

    [Theory]
    [InlineData("spdx-spec_SPDXRdfExample-v2.3.spdx.rdf.xml", "SPDX RDF/XML")]
    [InlineData("spdx-spec_SPDXXMLExample-v2.3.spdx.xml", "SPDX XML")]
    public void Detect_UnsupportedSpdxSerialisation_NamesItAndTheWayOut(string file, string expected)
    {
        var input = new DocumentInput(file, File.ReadAllBytes(TestSupport.Corpus.PathOf("spdx2", file)), "00");

        var ex = Assert.Throws<DocumentRejectedException>(() => new FormatSniffer(Readers.All).Detect(input));

        Assert.Contains(expected, ex.Reason);
        Assert.Contains("convert it to SPDX JSON", ex.Reason);
    }
}
