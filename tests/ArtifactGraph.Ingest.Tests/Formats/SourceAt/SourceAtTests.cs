using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Tests.Formats.Attestations;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Ingest.Tests.Formats.SourceAt;

/// <summary>PackageVersion -SOURCE_AT-> Source from CycloneDX vcs references, purl vcs_url and SPDX 2 download locations.</summary>
public sealed class SourceAtTests
{
    [Fact]
    public void Read_CycloneDxVcsReferences_SourceAtRevisionOrRepositoryWithRef()
    {
        var batch = Read("CycloneDx/valid/source-vcs-references.json");

        Assert.Equal("git+https://github.com/acme/app@0123456789abcdef0123456789abcdef01234567", SourceOf(batch, "pkg:npm/app@1").To.Key);
        var lib = SourceOf(batch, "pkg:npm/lib@2.0.0");
        Assert.Equal("git+https://github.com/acme/lib", lib.To.Key);
        Assert.Equal("v2.0.0", lib.Properties["source:ref"]);
        Assert.Equal("git+https://github.com/madler/zlib@abcdef0123456789abcdef0123456789abcdef01", Assert.Single(batch.Edges, e => e.Kind == EdgeKind.SourceAt && e.From.Key.StartsWith("pkg:generic/zlib@1.3?", StringComparison.Ordinal)).To.Key);
    }

    [Fact]
    public void Read_SpdxVcsDownloadLocation_SourceAtRevisionSubpathDropped()
    {
        var batch = Read("Spdx2/json/valid/download-location-vcs.json");

        var edge = Assert.Single(batch.Edges, e => e.Kind == EdgeKind.SourceAt);
        Assert.Equal("pkg:golang/github.com/example/tool@1.0", edge.From.Key);
        Assert.Equal("git+https://github.com/example/tool@89abcdef0123456789abcdef0123456789abcdef", edge.To.Key);
    }

    [Fact]
    public void Read_LaravelJsonAndXml_SameSourceAtEdges()
    {
        var json = AttestationTestInput.Read(File.ReadAllBytes(Corpus.PathOf("cyclonedx/bom-examples_laravel-7.12.0.bom.1.4.json"))).Batch;
        var xml = AttestationTestInput.Read(File.ReadAllBytes(Corpus.PathOf("cyclonedx/bom-examples_laravel-7.12.0.bom.1.3.xml"))).Batch;

        var jsonEdges = json.Edges.Where(e => e.Kind == EdgeKind.SourceAt).Select(e => (e.From, e.To)).ToHashSet();
        Assert.Contains((new NodeRef(NodeKind.PackageVersion, "pkg:composer/asm89/stack-cors@1.3.0"), new NodeRef(NodeKind.Source, "git+https://github.com/asm89/stack-cors")), jsonEdges);
        Assert.Equal(jsonEdges, xml.Edges.Where(e => e.Kind == EdgeKind.SourceAt).Select(e => (e.From, e.To)).ToHashSet());
    }

    private static IngestBatch Read(string fixture) =>
        AttestationTestInput.Read(File.ReadAllBytes(Path.Combine(Corpus.RepositoryRoot, "tests", "ArtifactGraph.Ingest.Tests", "Fixtures", fixture))).Batch;

    private static EdgeRecord SourceOf(IngestBatch batch, string purl) =>
        Assert.Single(batch.Edges, e => e.Kind == EdgeKind.SourceAt && e.From.Key == purl);
}
