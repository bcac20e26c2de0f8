using System.Text;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

public sealed class CycloneDxXmlReaderTests
{
    private static readonly NodeRef Shop = new(NodeKind.PackageVersion, "pkg:npm/shop@2.0.0");
    private static readonly NodeRef Lodash = new(NodeKind.PackageVersion, "pkg:npm/lodash@4.17.21");
    private static readonly NodeRef Debug = new(NodeKind.PackageVersion, "pkg:npm/debug@4.3.4");

    [Fact]
    public void Read_NestedComponents_SubjectDependsOnAndContainsTopLevelWithTargetScopes()
    {
        var batch = ReadFixture("nested-components.xml");

        Assert.Equal(Shop, batch.Document.Subject);
        Assert.True(batch.HasEdge(EdgeKind.Describes, batch.Document.NodeRef, Shop));
        Assert.Equal("runtime", batch.EdgesOf(EdgeKind.DependsOn).Single(e => e.To == Lodash).Properties["scope"]);
        Assert.Equal("optional", batch.EdgesOf(EdgeKind.DependsOn).Single(e => e.To == Debug).Properties["scope"]);
        Assert.True(batch.HasEdge(EdgeKind.Contains, Shop, Lodash));
        Assert.True(batch.HasEdge(EdgeKind.Contains, Lodash, new NodeRef(NodeKind.PackageVersion, "pkg:generic/fp.js@4.17.21")));
    }

    [Fact]
    public void Read_NestedComponents_HashesLicensesPropertiesAndDocumentFacts()
    {
        var batch = ReadFixture("nested-components.xml");

        // Whitespace around hash text is XML formatting, not content.
        Assert.True(batch.HasEdge(EdgeKind.OccursAs, Lodash, new NodeRef(NodeKind.Artifact, "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
        Assert.Contains(batch.Warnings, w => w.Location.EndsWith("(/bom/components/component[1]/hashes/hash[2])", StringComparison.Ordinal));
        Assert.True(batch.HasEdge(EdgeKind.HasLicense, Lodash, new NodeRef(NodeKind.License, "MIT OR Apache-2.0")));
        Assert.Equal("name", batch.Node(NodeKind.License, "Custom licence").Properties["license:kind"]);
        Assert.True(batch.HasEdge(EdgeKind.HasLicense, Shop, new NodeRef(NodeKind.License, "Apache-2.0")));

        var lodash = batch.Node(NodeKind.PackageVersion, "pkg:npm/lodash@4.17.21");
        Assert.Equal("OpenJS", lodash.Properties["cdx:supplier"]);
        Assert.Equal("javascript-package-cataloger", lodash.Properties["cdx:prop:syft:package:foundBy"]);
        Assert.Equal("lodash", lodash.Name);

        Assert.Equal("1.4", batch.Document.SpecVersion);
        Assert.Equal("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", batch.Document.Name);
        Assert.Equal("2", batch.Document.Properties["cdx:version"]);
        Assert.Equal("bom-maker", batch.Document.Properties["cdx:tools"]);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), batch.Document.CreatedAt);
    }

    [Fact]
    public void Read_SameBomAsJson_SameNodesAndEdges()
    {
        const string json = """
            { "bomFormat": "CycloneDX", "specVersion": "1.4",
              "metadata": { "component": { "type": "application", "bom-ref": "app", "name": "shop", "version": "2.0.0", "purl": "pkg:npm/shop@2.0.0" } },
              "components": [
                { "type": "library", "bom-ref": "l", "name": "lodash", "version": "4.17.21", "purl": "pkg:npm/lodash@4.17.21",
                  "hashes": [ { "alg": "SHA-1", "content": "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12" } ] },
                { "type": "library", "bom-ref": "x", "group": "acme", "name": "x", "version": "1" } ],
              "dependencies": [ { "ref": "app", "dependsOn": [ "l", "x" ] }, { "ref": "l", "dependsOn": [ "x" ] } ] }
            """;
        const string xml = """
            <bom xmlns="http://cyclonedx.org/schema/bom/1.4" version="1">
              <metadata><component type="application" bom-ref="app"><name>shop</name><version>2.0.0</version><purl>pkg:npm/shop@2.0.0</purl></component></metadata>
              <components>
                <component type="library" bom-ref="l"><name>lodash</name><version>4.17.21</version>
                  <hashes><hash alg="SHA-1">2fd4e1c67a2d28fced849ee1bb76e7391b93eb12</hash></hashes><purl>pkg:npm/lodash@4.17.21</purl></component>
                <component type="library" bom-ref="x"><group>acme</group><name>x</name><version>1</version></component>
              </components>
              <dependencies>
                <dependency ref="app"><dependency ref="l"/><dependency ref="x"/></dependency>
                <dependency ref="l"><dependency ref="x"/></dependency>
              </dependencies>
            </bom>
            """;
        var fromJson = new CycloneDxJsonReader().Read(CdxTestInput.FromJson(json));
        var fromXml = ReadXml(xml);

        Assert.Equal(Graph(fromJson), Graph(fromXml));
    }

    [Fact]
    public void Read_DependencyGraphExtension11_NestedDependencyDeclaresItsOwnEdges()
    {
        var batch = ReadFixture("dependency-graph-extension-1.1.xml");
        var app = new NodeRef(NodeKind.PackageVersion, "pkg:maven/org.example/app@1.0");
        var lib = new NodeRef(NodeKind.PackageVersion, "pkg:maven/org.example/lib@2.0");
        var util = new NodeRef(NodeKind.PackageVersion, "pkg:maven/org.example/util@3.0");

        Assert.True(batch.HasEdge(EdgeKind.DependsOn, app, lib));
        Assert.True(batch.HasEdge(EdgeKind.DependsOn, lib, util));
        Assert.Equal(2, batch.EdgesOf(EdgeKind.DependsOn).Count());

        // No subject in 1.1: the Document describes the roots, the components nothing depends on.
        Assert.Null(batch.Document.Subject);
        Assert.Equal([app], batch.EdgesOf(EdgeKind.Describes).Select(e => e.To));
    }

    [Fact]
    public void Read_Version10WithoutGraph_DescribesEveryComponentWithFallbackIdentity()
    {
        var batch = ReadFixture("no-dependency-graph-1.0.xml");

        Assert.Equal("1.0", batch.Document.SpecVersion);
        Assert.Equal(2, batch.EdgesOf(EdgeKind.Describes).Count());
        Assert.Contains(batch.Nodes, n => n.Ref == new NodeRef(NodeKind.PackageVersion, "pkg:generic/zlib@1.3.1"));
        Assert.Empty(batch.EdgesOf(EdgeKind.DependsOn));
    }

    [Fact]
    public void Read_ExternalEntity_RejectedBeforeAnythingIsResolved()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => ReadXml("""
            <?xml version="1.0"?>
            <!DOCTYPE bom [ <!ENTITY xxe SYSTEM "http://127.0.0.1:1/never-fetched"> ]>
            <bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components><component type="library"><name>&xxe;</name></component></components></bom>
            """));

        Assert.Equal("line 2, position 1", error.Location);
        Assert.Contains("XXE", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyPredefinedEntities_ReadAsText()
    {
        var description = string.Concat(Enumerable.Repeat("a &amp; b &lt; c ", 2000));
        var batch = ReadXml($"""<bom xmlns="http://cyclonedx.org/schema/bom/1.4"><components><component type="library"><name>x</name><description>{description}</description></component></components></bom>""");

        Assert.StartsWith("a & b < c", batch.Node(NodeKind.PackageVersion, "pkg:generic/x").Properties["cdx:description"], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NestingBeyondLimit_RejectedWithLine()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 300)) + string.Concat(Enumerable.Repeat("</x>", 300));
        var error = Assert.Throws<DocumentRejectedException>(() => ReadXml($"""<bom xmlns="http://cyclonedx.org/schema/bom/1.4">{deep}</bom>"""));

        Assert.StartsWith("line 1, position ", error.Location, StringComparison.Ordinal);
        Assert.Contains("deeper than 256", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<bom xmlns="http://cyclonedx.org/schema/bom/1.6"/>""", true)]
    [InlineData("""<?xml version="1.0"?><!-- c --><bom xmlns="http://cyclonedx.org/schema/bom/1.0" version="1"/>""", true)]
    [InlineData("""<bom xmlns="http://example.com/bom"/>""", false)]
    [InlineData("""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>""", false)]
    [InlineData("""{ "bomFormat": "CycloneDX" }""", false)]
    [InlineData("", false)]
    public void CanRead_Content_TrueOnlyForCycloneDxBomRoot(string content, bool expected) =>
        Assert.Equal(expected, new CycloneDxXmlReader().CanRead(CdxTestInput.FromBytes("x", Encoding.UTF8.GetBytes(content))));

    [Fact]
    public void Readers_All_IncludesXmlReaderAfterJson()
    {
        Assert.Contains(Readers.All, r => r.Format == "CycloneDX-XML");
    }

    private static IngestBatch ReadFixture(string name) =>
        new CycloneDxXmlReader().Read(CdxTestInput.FromFile(CycloneDxXmlFixtureTests.XmlFixturePath("valid", name)));

    private static IngestBatch ReadXml(string xml) => new CycloneDxXmlReader().Read(CdxTestInput.FromBytes("inline.xml", Encoding.UTF8.GetBytes(xml)));

    private static List<string> Graph(IngestBatch batch) =>
        batch.Nodes.Where(n => n.Kind != NodeKind.Document).Select(n => n.Ref.ToString())
            .Concat(batch.Edges.Where(e => e.Kind != EdgeKind.Describes).Select(e => $"{e.Kind} {e.From} {e.To} {string.Join(',', e.Properties.Select(p => p.Key + '=' + p.Value))}"))
            .Order(StringComparer.Ordinal)
            .ToList();
}
