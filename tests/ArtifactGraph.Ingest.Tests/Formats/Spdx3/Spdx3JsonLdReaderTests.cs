using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Formats.Spdx3;
using ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.Spdx3;

public sealed class Spdx3JsonLdReaderTests
{
    private static readonly NodeRef App = new(NodeKind.PackageVersion, "pkg:npm/app@1.0.0");
    private static readonly NodeRef Lodash = new(NodeKind.PackageVersion, "pkg:npm/lodash@4.17.21");
    private static readonly NodeRef Jest = new(NodeKind.PackageVersion, "pkg:generic/jest@29.0.0");
    private static readonly NodeRef MainJs = new(NodeKind.Artifact, "sha256:0384db3cec55d86a6898c489fdb75a8e75fe66b26639634983d2f3c3558493d1");

    [Fact]
    public void Read_SbomRootElement_IsTheSubjectWithDocumentFacts()
    {
        var batch = Spdx3TestInput.ReadFixture("app-sbom.json");

        Assert.Equal(App, batch.Document.Subject);
        Assert.True(batch.HasEdge(EdgeKind.Describes, batch.Document.NodeRef, App));
        Assert.Equal("app-sbom", batch.Document.Name);
        Assert.Equal("3.0.1", batch.Document.SpecVersion);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero), batch.Document.CreatedAt);
        Assert.Equal("core software", batch.Document.Properties["spdx3:profileConformance"]);
    }

    [Fact]
    public void Read_Purl_FromPackageUrlOrExternalIdentifierElseGenericFallback()
    {
        var batch = Spdx3TestInput.ReadFixture("app-sbom.json");

        Assert.Contains(batch.Nodes, n => n.Ref == App);
        Assert.True(batch.HasEdge(EdgeKind.VersionOf, App, new NodeRef(NodeKind.Package, "pkg:npm/app")));
        var lodash = batch.Node(NodeKind.PackageVersion, Lodash.Key);
        Assert.Equal("cpe:2.3:a:lodash:lodash:4.17.21:*:*:*:*:*:*:*", lodash.Properties["spdx3:cpe23"]);
        Assert.Contains(batch.Nodes, n => n.Ref == Jest);
    }

    [Fact]
    public void Read_VerifiedUsingHash_ArtifactWithOccursAs()
    {
        var batch = Spdx3TestInput.ReadFixture("app-sbom.json");

        Assert.True(batch.HasEdge(EdgeKind.OccursAs, Lodash, new NodeRef(NodeKind.Artifact, "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
    }

    [Fact]
    public void Read_File_ArtifactKeyedBySha256WithOtherDigestsAsProperties()
    {
        var batch = Spdx3TestInput.ReadFixture("app-sbom.json");

        var file = batch.Node(NodeKind.Artifact, MainJs.Key);
        Assert.Equal("dist/main.js", file.Name);
        Assert.Equal("2fd4e1c67a2d28fced849ee1bb76e7391b93eb12", file.Properties["digest:sha1"]);
        Assert.True(batch.HasEdge(EdgeKind.Contains, App, MainJs));
    }

    [Fact]
    public void Read_FileWithoutHash_NoNodeAndRelationshipKeptAsProperty()
    {
        var batch = Spdx3TestInput.ReadFixture("app-sbom.json");

        Assert.Equal("urn:example:readme", batch.Node(NodeKind.PackageVersion, App.Key).Properties["spdx3:rel:contains"]);
        Assert.Equal("1", batch.Document.Properties["spdx3:filesWithoutDigest"]);
    }

    [Fact]
    public void Read_DependsOn_ScopeFromLifecycleScopedRelationship()
    {
        var batch = Spdx3TestInput.ReadFixture("app-sbom.json");

        Assert.Equal("runtime", batch.EdgesOf(EdgeKind.DependsOn).Single(e => e.To == Lodash).Properties["scope"]);
        Assert.Equal("dev", batch.EdgesOf(EdgeKind.DependsOn).Single(e => e.To == Jest).Properties["scope"]);
    }

    [Fact]
    public void Read_Generates_BuiltFromReversed()
    {
        var batch = Spdx3TestInput.ReadFixture("app-sbom.json");

        Assert.True(batch.HasEdge(EdgeKind.BuiltFrom, MainJs, App));
    }

    [Fact]
    public void Read_LicenseExpression_HasLicenseAndNoAssertionSkipped()
    {
        var batch = Spdx3TestInput.ReadFixture("app-sbom.json");

        Assert.Equal([new NodeRef(NodeKind.License, "MIT")], batch.EdgesOf(EdgeKind.HasLicense).Where(e => e.From == Lodash).Select(e => e.To));
        Assert.Equal("expression", batch.Node(NodeKind.License, "MIT").Properties["license:kind"]);
        Assert.DoesNotContain(batch.Nodes, n => n.Ref.Key == "NOASSERTION");
    }

    [Fact]
    public void Read_OtherRelationshipToExternalIri_PropertyNotRejection()
    {
        var batch = Spdx3TestInput.ReadFixture("app-sbom.json");

        Assert.Equal("https://other.example/doc#SPDXRef-zlib", batch.Node(NodeKind.PackageVersion, App.Key).Properties["spdx3:rel:hasStaticLink"]);
    }

    [Fact]
    public void Read_FullIrisPrefixesAndInlineAliases_SameAsCompactTerms()
    {
        var batch = Spdx3TestInput.ReadFixture("full-iri-terms.json");

        Assert.Equal(App, batch.Document.Subject);
        Assert.True(batch.HasEdge(EdgeKind.DependsOn, App, Lodash));
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero), batch.Document.CreatedAt);
    }

    [Fact]
    public void Read_ContainerPurpose_ImageByDigestAndInstallOrLibraryArePackages()
    {
        var batch = Spdx3TestInput.ReadFixture("container-image.json");
        var image = new NodeRef(NodeKind.Image, "sha256:0d2e8c3d4b5a6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8");

        Assert.Equal(image, batch.Document.Subject);
        Assert.Equal("1.2", batch.Node(NodeKind.Image, image.Key).Properties["image:tag"]);
        var musl = new NodeRef(NodeKind.PackageVersion, "pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64");
        Assert.True(batch.HasEdge(EdgeKind.Contains, image, musl)); // listed in the SBOM, no relationship: the root contains it
        Assert.Equal("true", batch.EdgesOf(EdgeKind.Contains).Single(e => e.To == musl).Properties["spdx3:listed"]);
        Assert.Contains(batch.Nodes, n => n.Ref == new NodeRef(NodeKind.PackageVersion, "pkg:generic/busybox@1.36.1"));
    }

    [Fact]
    public void Read_ContainerRootWithoutDigest_ImageKeyedByReference()
    {
        var batch = Spdx3TestInput.ReadJson(Spdx3TestInput.Document("""
            { "type": "SpdxDocument", "spdxId": "urn:d", "rootElement": ["urn:i"] },
            { "type": "software_Package", "spdxId": "urn:i", "name": "alpine", "software_packageVersion": "3.19", "software_primaryPurpose": "container" }
            """));

        Assert.Equal(new NodeRef(NodeKind.Image, "ref:alpine:3.19"), batch.Document.Subject);
    }

    [Fact]
    public void Read_NoRoots_DocumentDescribesEveryUnreachedPackage()
    {
        var batch = Spdx3TestInput.ReadJson(Spdx3TestInput.Document("""
            { "type": "software_Package", "spdxId": "urn:a", "name": "a" },
            { "type": "software_Package", "spdxId": "urn:b", "name": "b" },
            { "type": "software_Package", "spdxId": "urn:c", "name": "c" },
            { "type": "Relationship", "spdxId": "urn:r", "from": "urn:a", "relationshipType": "dependsOn", "to": ["urn:b"] }
            """));

        Assert.Null(batch.Document.Subject);
        Assert.Equal(["pkg:generic/a", "pkg:generic/c"], batch.EdgesOf(EdgeKind.Describes).Select(e => e.To.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_DescribesRelationshipFromDocument_NamesRoots()
    {
        var batch = Spdx3TestInput.ReadJson(Spdx3TestInput.Document("""
            { "type": "SpdxDocument", "spdxId": "urn:d" },
            { "type": "software_Package", "spdxId": "urn:a", "name": "a", "software_packageVersion": "1" },
            { "type": "Relationship", "spdxId": "urn:r", "from": "urn:d", "relationshipType": "describes", "to": ["urn:a"] }
            """));

        Assert.Equal(new NodeRef(NodeKind.PackageVersion, "pkg:generic/a@1"), batch.Document.Subject);
    }

    [Fact]
    public void Read_ToNoneElement_StatesAbsenceNotAReference()
    {
        var batch = Spdx3TestInput.ReadJson(Spdx3TestInput.Document("""
            { "type": "software_Package", "spdxId": "urn:a", "name": "a" },
            { "type": "Relationship", "spdxId": "urn:r", "from": "urn:a", "relationshipType": "dependsOn", "to": ["NoneElement"], "completeness": "complete" }
            """));

        Assert.Empty(batch.EdgesOf(EdgeKind.DependsOn));
    }

    [Fact]
    public void Read_InvalidPurl_KeptAsWrittenWithWarning()
    {
        var batch = Spdx3TestInput.ReadJson(Spdx3TestInput.Document("""
            { "type": "software_Package", "spdxId": "urn:a", "name": "api", "software_packageUrl": "pkg:golang/./api@(devel)" }
            """));

        Assert.Contains(batch.Nodes, n => n.Ref == new NodeRef(NodeKind.PackageVersion, "pkg:golang/./api@(devel)"));
        Assert.Contains(batch.Warnings, w => w.Location == "/@graph/0/software_packageUrl");
    }

    [Fact]
    public void Read_UnmappedElementTypes_CountedOnDocument()
    {
        var batch = Spdx3TestInput.ReadJson(Spdx3TestInput.Document("""
            { "type": "Person", "spdxId": "urn:p1", "name": "x" },
            { "type": "Person", "spdxId": "urn:p2", "name": "y" },
            { "type": "software_Package", "spdxId": "urn:a", "name": "a" }
            """));

        Assert.Equal("2", batch.Document.Properties["spdx3:dropped:Person"]);
    }

    [Theory]
    [InlineData("""{ "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [] }""", true)]
    [InlineData("""{ "@graph": [ { "@type": "https://spdx.org/rdf/3.0.1/terms/Software/Package", "@id": "urn:a" } ] }""", true)]
    [InlineData("""{ "@graph": [ { "type": "SpdxDocument", "spdxId": "urn:d" } ] }""", true)]
    [InlineData("""{ "spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "packages": [] }""", false)]
    [InlineData("""{ "bomFormat": "CycloneDX", "specVersion": "1.6" }""", false)]
    [InlineData("""{ "@context": "https://schema.org/", "@graph": [ { "@type": "Person" } ] }""", false)]
    [InlineData("""[ "https://spdx.org/rdf/3.0.1/spdx-context.jsonld" ]""", false)]
    public void CanRead_Content_TrueForSpdx3ContextOrTypes(string content, bool expected) =>
        Assert.Equal(expected, new Spdx3JsonLdReader().CanRead(Spdx3TestInput.FromJson(content)));

    [Fact]
    public void Read_NoContextButFullIriTypes_Accepted()
    {
        var batch = Spdx3TestInput.ReadJson("""{ "@graph": [ { "@type": "https://spdx.org/rdf/3.0.1/terms/Software/Package", "@id": "urn:a", "https://spdx.org/rdf/3.0.1/terms/Core/name": "a" } ] }""");

        Assert.Contains(batch.Nodes, n => n.Ref == new NodeRef(NodeKind.PackageVersion, "pkg:generic/a"));
    }

    [Fact]
    public void Readers_All_IncludesSpdx3()
    {
        Assert.Contains(Readers.All, r => r.Format == "SPDX-3-JSONLD");
    }
}
