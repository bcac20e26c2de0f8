using System.Xml.Linq;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Formats.CycloneDx;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

/// <summary>Every XML document in the shared corpus: CycloneDX ones read with independently counted components and DEPENDS_ON edges.</summary>
public sealed class CycloneDxXmlCorpusTests
{
    public static TheoryData<string> XmlFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Corpus.Root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Corpus.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(XmlFiles))]
    public void Read_CorpusXml_CycloneDxAcceptedWithIndependentCounts(string relativePath)
    {
        var path = Path.Combine(Corpus.Root, relativePath);
        var document = XmlCorpusExpectations.TryLoad(path);
        var reader = new CycloneDxXmlReader();
        var input = CdxTestInput.FromFile(path);

        Assert.Equal(XmlCorpusExpectations.IsCycloneDx(document), reader.CanRead(input));
        if (!XmlCorpusExpectations.IsCycloneDx(document))
        {
            Assert.Throws<DocumentRejectedException>(() => reader.Read(input));
            return;
        }

        var batch = reader.Read(input);
        var (identities, pairs) = XmlCorpusExpectations.Count(document!);
        Assert.Equal(identities, batch.Nodes.Count(n => n.Kind is NodeKind.PackageVersion or NodeKind.Image));
        Assert.Equal(pairs, batch.EdgesOf(EdgeKind.DependsOn).Count());
    }

    [Fact]
    public void Read_GuacInvalidCycloneDxXml_Rejected()
    {
        // Only an XML declaration: no root element at all.
        var input = CdxTestInput.FromFile(Corpus.PathOf("guac", "exampledata", "invalid-cyclonedx.xml"));

        Assert.False(new CycloneDxXmlReader().CanRead(input));
        var error = Assert.Throws<DocumentRejectedException>(() => new CycloneDxXmlReader().Read(input));
        Assert.Contains("malformed XML", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LaravelXml13AndJson14_SamePackageVersionKeys()
    {
        var xml = new CycloneDxXmlReader().Read(CdxTestInput.FromFile(Corpus.PathOf("cyclonedx", "bom-examples_laravel-7.12.0.bom.1.3.xml")));
        var json = new CycloneDxJsonReader().Read(CdxTestInput.FromFile(Corpus.PathOf("cyclonedx", "bom-examples_laravel-7.12.0.bom.1.4.json")));

        static HashSet<string> Keys(Core.Ingestion.IngestBatch batch) =>
            batch.Nodes.Where(n => n.Kind == NodeKind.PackageVersion).Select(n => n.Ref.Key).ToHashSet(StringComparer.Ordinal);

        Assert.True(Keys(xml).Count > 60);
        Assert.Equal(Keys(json).Order(StringComparer.Ordinal), Keys(xml).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_DropwizardXml_All168ComponentsIngested()
    {
        var path = Corpus.PathOf("cyclonedx", "bom-examples_dropwizard-1.3.15.bom.xml");
        var batch = new CycloneDxXmlReader().Read(CdxTestInput.FromFile(path));

        var componentElements = XDocument.Load(path).Descendants().Count(e => e.Name.LocalName == "component");
        Assert.Equal(168, componentElements);
        Assert.Equal(168, batch.Nodes.Count(n => n.Kind is NodeKind.PackageVersion or NodeKind.Image));
        Assert.Equal("1.2", batch.Document.SpecVersion);
    }
}
