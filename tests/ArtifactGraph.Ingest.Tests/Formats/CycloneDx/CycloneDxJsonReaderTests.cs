using System.Text;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Ingest.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

/// <summary>One test per mapping rule in graph-schema/ontology.md, "CycloneDX (JSON)".</summary>
public sealed class CycloneDxJsonReaderTests
{
    private const string BusyboxDigest = "sha256:7bd0c945d7e4cc2ce5c21d449ba07eb89c8e6c28085edbcf6f5fa4bf90e7eedc";

    [Fact]
    public void Read_ContainerSubjectWithDigestVersion_ImageKeyedByLowercaseDigest()
    {
        var batch = CdxTestInput.ReadFixture("container-subject-digest.json");

        var image = batch.Node(NodeKind.Image, BusyboxDigest);
        Assert.Equal(image.Ref, batch.Document.Subject);
        Assert.Equal("docker.io/library/busybox:latest", image.Name);
        Assert.Equal("docker.io/library/busybox", image.Properties["image:repository"]);
        Assert.Equal("latest", image.Properties["image:tag"]);
        Assert.True(batch.HasEdge(EdgeKind.Describes, batch.Document.NodeRef, image.Ref));
    }

    [Fact]
    public void Read_DocumentHeader_RecordsSpecVersionTimestampAndTools()
    {
        var batch = CdxTestInput.ReadFixture("container-subject-digest.json");

        Assert.Equal("1.4", batch.Document.SpecVersion);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), batch.Document.CreatedAt);
        Assert.Equal("urn:uuid:00000000-0000-4000-8000-000000000002", batch.Document.Name);
        Assert.Equal("syft", batch.Document.Properties["cdx:tools"]);
        Assert.Equal("1", batch.Document.Properties["cdx:version"]);
    }

    [Fact]
    public void Read_ContainerSubjectWithOciPurlDigest_ImageKeyedByPurlVersion()
    {
        var batch = CdxTestInput.ReadFixture("container-subject-purl.json");

        var image = batch.Node(NodeKind.Image, "sha256:" + new string('1', 64));
        Assert.Equal(image.Ref, batch.Document.Subject);
        Assert.Equal("v2", image.Properties["image:tag"]);
    }

    [Fact]
    public void Read_ContainerSubjectWithoutDigest_ImageKeyedByRefName()
    {
        var batch = CdxTestInput.ReadFixture("container-subject-no-digest.json");

        var image = batch.Node(NodeKind.Image, "ref:gcr.io/distroless/static");
        Assert.Equal(image.Ref, batch.Document.Subject);
        Assert.Equal("nonroot", image.Properties["cdx:version"]);
    }

    [Fact]
    public void Read_ContainerComponentWithoutDigest_PackageVersionNotImage()
    {
        var batch = new CycloneDxJsonReader().Read(CdxTestInput.FromJson("""
            { "bomFormat": "CycloneDX", "specVersion": "1.5",
              "components": [ { "type": "container", "name": "redis", "version": "7" } ] }
            """));

        Assert.DoesNotContain(batch.Nodes, n => n.Kind == NodeKind.Image);
        batch.Node(NodeKind.PackageVersion, Purl.Create("generic", null, "redis", "7").ToString());
    }

    [Theory]
    [InlineData("SHA-256", "2a7700ac8cabe5e550235f0e453fd7d036571c68d8b51274aaac5d6457c4c9cb")]
    [InlineData("SHA-256", "2A7700AC8CABE5E550235F0E453FD7D036571C68D8B51274AAAC5D6457C4C9CB")]
    [InlineData("SHA-256", " 2a7700ac8cabe5e550235f0e453fd7d036571c68d8b51274aaac5d6457c4c9cb")]
    public void Read_ContainerComponentWithSha256HashOnly_ImageKeyedByThatDigest(string alg, string content)
    {
        var batch = new CycloneDxJsonReader().Read(CdxTestInput.FromJson($$"""
            { "bomFormat": "CycloneDX", "specVersion": "1.5",
              "components": [ { "type": "container", "name": "redis", "version": "7",
                                "hashes": [ { "alg": "SHA-1", "content": "{{new string('a', 40)}}" }, { "alg": "{{alg}}", "content": "{{content}}" } ] } ] }
            """));

        var image = Assert.Single(batch.Nodes, n => n.Kind == NodeKind.Image);
        Assert.Equal("sha256:2a7700ac8cabe5e550235f0e453fd7d036571c68d8b51274aaac5d6457c4c9cb", image.Key);
    }

    [Fact]
    public void Read_SubjectListedAgainAsComponent_OneNodeWithoutSelfContains()
    {
        var batch = new CycloneDxJsonReader().Read(CdxTestInput.FromJson($$"""
            { "bomFormat": "CycloneDX", "specVersion": "1.4",
              "metadata": { "component": { "type": "container", "name": "app", "version": "{{BusyboxDigest}}" } },
              "components": [ { "type": "container", "bom-ref": "img", "name": "app", "version": "{{BusyboxDigest}}",
                "components": [ { "type": "library", "name": "lib", "version": "1" } ] } ] }
            """));

        var image = Assert.Single(batch.Nodes, n => n.Kind == NodeKind.Image);
        Assert.DoesNotContain(batch.Edges, e => e.From == e.To);
        Assert.Single(batch.EdgesOf(EdgeKind.Contains), e => e.From == image.Ref);
    }

    [Fact]
    public void Read_NestedComponents_ParentContainsChildAtEveryDepth()
    {
        var batch = CdxTestInput.ReadFixture("nested-components.json");
        var outer = new NodeRef(NodeKind.PackageVersion, Purl.Parse("pkg:npm/outer@2.0.0").ToString());
        var middle = new NodeRef(NodeKind.PackageVersion, Purl.Parse("pkg:npm/middle@3.0.0").ToString());
        var inner = new NodeRef(NodeKind.PackageVersion, Purl.Parse("pkg:npm/inner@4.0.0").ToString());

        Assert.True(batch.HasEdge(EdgeKind.Contains, outer, middle));
        Assert.True(batch.HasEdge(EdgeKind.Contains, middle, inner));
    }

    [Fact]
    public void Read_WithDependencyGraph_SubjectContainsTopLevelOnlyAndDependsOnFromItsEntry()
    {
        var batch = CdxTestInput.ReadFixture("nested-components.json");
        var app = batch.Document.Subject!.Value;
        var outer = new NodeRef(NodeKind.PackageVersion, Purl.Parse("pkg:npm/outer@2.0.0").ToString());
        var inner = new NodeRef(NodeKind.PackageVersion, Purl.Parse("pkg:npm/inner@4.0.0").ToString());

        Assert.True(batch.HasEdge(EdgeKind.Contains, app, outer));
        Assert.False(batch.HasEdge(EdgeKind.Contains, app, inner));
        var edge = Assert.Single(batch.EdgesOf(EdgeKind.DependsOn), e => e.From == app);
        Assert.Equal(outer, edge.To);
        Assert.Equal("runtime", edge.Properties["scope"]);
        Assert.Equal(3, batch.EdgesOf(EdgeKind.DependsOn).Count());
    }

    [Fact]
    public void Read_NoDependencyGraph_SubjectContainsEveryComponent()
    {
        var batch = CdxTestInput.ReadFixture("no-dependency-graph.json");
        var subject = batch.Document.Subject!.Value;

        var contained = batch.EdgesOf(EdgeKind.Contains).Where(e => e.From == subject).Select(e => e.To).ToHashSet();
        var components = batch.Nodes.Where(n => n.Kind == NodeKind.PackageVersion && n.Ref != subject).Select(n => n.Ref).ToHashSet();
        Assert.Equal(3, components.Count);
        Assert.Equal(components, contained);
        Assert.Empty(batch.EdgesOf(EdgeKind.DependsOn));
    }

    [Fact]
    public void Read_EscapedAndLongDependencyRefs_ResolveToTheirComponents()
    {
        // Refs are resolved from their unescaped characters in a reused buffer; a ref longer than the buffer takes a larger one.
        var batch = CdxTestInput.ReadFixture("escaped-and-long-dependency-refs.json");
        var scoped = new NodeRef(NodeKind.PackageVersion, Purl.Parse("pkg:npm/%40scope/a@1").ToString());
        var longRef = new NodeRef(NodeKind.PackageVersion, Purl.Parse("pkg:generic/acme/" + new string('x', 700) + "@1").ToString());

        var dependsOn = batch.EdgesOf(EdgeKind.DependsOn).Select(e => (e.From, e.To)).ToList();

        Assert.Equal([(batch.Document.Subject!.Value, scoped), (scoped, longRef)], dependsOn);
    }

    [Fact]
    public void Read_NoSubject_DocumentDescribesRootsOnly()
    {
        var batch = CdxTestInput.ReadFixture("no-subject.json");

        Assert.Null(batch.Document.Subject);
        var described = batch.EdgesOf(EdgeKind.Describes).Select(e => e.To).ToList();
        Assert.Equal([new NodeRef(NodeKind.PackageVersion, Purl.Parse("pkg:cargo/a@1").ToString())], described);
    }

    [Fact]
    public void Read_Hashes_OneOccursAsPerParsableDigestAndWarningForTheRest()
    {
        var batch = CdxTestInput.ReadFixture("hashes-and-licenses.json");
        var lib = new NodeRef(NodeKind.PackageVersion, Purl.Parse("pkg:maven/com.acme/lib@1.2.3").ToString());

        var artifacts = batch.EdgesOf(EdgeKind.OccursAs).Where(e => e.From == lib).Select(e => e.To.Key).ToHashSet();
        var expected = new[]
        {
            ("SHA-1", "e96edb6e7bab65204479c293378a7485ae2d1c8f"),
            ("SHA-256", "DB5C8BD205D41E520F615251AE97C9610A0FB312841428A7A25072831F6BEE83"),
        }.Select(h => Digest.TryCreate(h.Item1, h.Item2, out var digest, out _) ? digest.ToString() : "?").ToHashSet();
        Assert.Equal(expected, artifacts);
        Assert.Contains("sha256:db5c8bd205d41e520f615251ae97c9610a0fb312841428a7a25072831f6bee83", artifacts);
        Assert.Contains(batch.Warnings, w => w.Location == "/components/0/hashes/2");
    }

    [Fact]
    public void Read_Licenses_HasLicenseForIdNameAndExpressionAndSubjectMetadata()
    {
        var batch = CdxTestInput.ReadFixture("hashes-and-licenses.json");
        var lib = new NodeRef(NodeKind.PackageVersion, Purl.Parse("pkg:maven/com.acme/lib@1.2.3").ToString());

        var licenses = batch.EdgesOf(EdgeKind.HasLicense).Where(e => e.From == lib).Select(e => e.To.Key).ToHashSet();
        Assert.Equal(["Apache-2.0", "Acme Proprietary License", "MIT OR GPL-2.0-only"], licenses);
        Assert.Equal("name", batch.Node(NodeKind.License, "Acme Proprietary License").Properties["license:kind"]);
        Assert.Equal("expression", batch.Node(NodeKind.License, "MIT OR GPL-2.0-only").Properties["license:kind"]);
        Assert.True(batch.HasEdge(EdgeKind.HasLicense, batch.Document.Subject!.Value, new NodeRef(NodeKind.License, "MIT")));
    }

    [Fact]
    public void Read_SloppyPurl_KeptAsWrittenWithWarning()
    {
        var batch = CdxTestInput.ReadFixture("sloppy-purl.json");

        var node = batch.Node(NodeKind.PackageVersion, "npm/thing@1.0");
        Assert.False(string.IsNullOrEmpty(node.Properties["purl:invalid"]));
        Assert.True(batch.HasEdge(EdgeKind.VersionOf, node.Ref, new NodeRef(NodeKind.Package, "npm/thing")));
        Assert.Contains(batch.Warnings, w => w.Location == "/components/0/purl");
    }

    [Fact]
    public void Read_ComponentWithoutPurl_GenericFallbackIdentityAndProperties()
    {
        var batch = CdxTestInput.ReadFixture("no-purl-component.json");
        var expected = Purl.Create("generic", "acme", "widget", "2.1");

        var node = batch.Node(NodeKind.PackageVersion, expected.ToString());
        Assert.Equal("acme/widget", node.Name);
        Assert.Equal("library", node.Properties["cdx:type"]);
        Assert.Equal("2.1", node.Properties["cdx:version"]);
        Assert.Equal("A widget", node.Properties["cdx:description"]);
        Assert.Equal("Acme Inc.", node.Properties["cdx:publisher"]);
        Assert.Equal("Acme Supply", node.Properties["cdx:supplier"]);
        Assert.Equal("cpe:2.3:a:acme:widget:2.1:*:*:*:*:*:*:*", node.Properties["cdx:cpe"]);
        Assert.Equal("optional", node.Properties["cdx:scope"]);
        Assert.Equal("first", node.Properties["cdx:prop:build"]);
        Assert.True(batch.HasEdge(EdgeKind.VersionOf, node.Ref, new NodeRef(NodeKind.Package, expected.PackageKey)));
    }

    [Fact]
    public void Read_DependencyOnOptionalComponent_ScopeOptional()
    {
        var batch = new CycloneDxJsonReader().Read(CdxTestInput.FromJson("""
            { "bomFormat": "CycloneDX", "specVersion": "1.6",
              "components": [
                { "type": "library", "bom-ref": "a", "name": "a", "version": "1" },
                { "type": "library", "bom-ref": "b", "name": "b", "version": "1", "scope": "optional" },
                { "type": "library", "bom-ref": "c", "name": "c", "version": "1", "scope": "excluded" } ],
              "dependencies": [ { "ref": "a", "dependsOn": ["b", "c"] } ] }
            """));

        var scopes = batch.EdgesOf(EdgeKind.DependsOn).Select(e => e.Properties["scope"]).Order(StringComparer.Ordinal);
        Assert.Equal(["excluded", "optional"], scopes);
    }

    [Fact]
    public void Read_ServiceDependencies_DroppedAndCountedOnDocument()
    {
        var batch = CdxTestInput.ReadFixture("services-in-dependencies.json");

        Assert.Empty(batch.EdgesOf(EdgeKind.DependsOn));
        Assert.Equal("2", batch.Document.Properties["cdx:dependencies:serviceEdgesDropped"]);
        Assert.Equal("1", batch.Document.Properties["cdx:services"]);
    }

    [Fact]
    public void Read_CbomProvides_RecordedAsPropertyNotEdge()
    {
        var batch = new CycloneDxJsonReader().Read(CdxTestInput.FromJson("""
            { "bomFormat": "CycloneDX", "specVersion": "1.6",
              "components": [
                { "type": "cryptographic-asset", "bom-ref": "aes", "name": "AES" },
                { "type": "library", "bom-ref": "lib", "name": "lib", "version": "1" } ],
              "dependencies": [ { "ref": "lib", "provides": ["aes"] } ] }
            """));

        var lib = batch.Node(NodeKind.PackageVersion, Purl.Create("generic", null, "lib", "1").ToString());
        Assert.Equal("aes", lib.Properties["cdx:provides"]);
        Assert.Empty(batch.EdgesOf(EdgeKind.DependsOn));
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_Accepted()
    {
        var json = """{ "bomFormat": "CycloneDX", "specVersion": "1.4", "components": [ { "type": "library", "name": "x" } ] }""";
        var input = CdxTestInput.FromBytes("bom.json", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(json)]);
        var reader = new CycloneDxJsonReader();

        Assert.True(reader.CanRead(input));
        Assert.Single(reader.Read(input).Nodes, n => n.Kind == NodeKind.PackageVersion);
    }

    [Fact]
    public void CanRead_BomFormatAfterFirst4KB_True()
    {
        var padding = new string('x', 8192);
        var input = CdxTestInput.FromJson($$"""{ "components": [ { "name": "a", "description": "{{padding}}" } ], "bomFormat": "CycloneDX", "specVersion": "1.4" }""");

        Assert.True(new CycloneDxJsonReader().CanRead(input));
    }

    [Theory]
    [InlineData("""{ "spdxVersion": "SPDX-2.3" }""")]
    [InlineData("""{ "bomFormat": "SPDX", "specVersion": "1.4" }""")]
    [InlineData("""{ "specVersion": "1.4", "$schema": "https://json.schemastore.org/other" }""")]
    [InlineData("""[ { "bomFormat": "CycloneDX" } ]""")]
    [InlineData("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"/>")]
    [InlineData("{ \"bomFormat\": ")]
    [InlineData("")]
    public void CanRead_OtherContent_False(string content)
    {
        Assert.False(new CycloneDxJsonReader().CanRead(CdxTestInput.FromJson(content)));
    }

    [Fact]
    public void Read_NestingBeyondMaxDepth_RejectedWithLine()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 300)) + string.Concat(Enumerable.Repeat("]", 300));
        var input = CdxTestInput.FromJson($$"""{ "bomFormat": "CycloneDX", "specVersion": "1.4", "x": {{deep}} }""");

        var error = Assert.Throws<DocumentRejectedException>(() => new CycloneDxJsonReader().Read(input));
        Assert.StartsWith("line 1, byte ", error.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongTypeForComponentVersion_RejectedWithPointer()
    {
        var input = CdxTestInput.FromJson("""{ "bomFormat": "CycloneDX", "specVersion": "1.4", "components": [ { "name": "a", "version": 1 } ] }""");

        var error = Assert.Throws<DocumentRejectedException>(() => new CycloneDxJsonReader().Read(input));
        Assert.Equal("/components/0/version", error.Location);
    }

    [Fact]
    public void Readers_All_IncludesCycloneDxJson()
    {
        Assert.Contains(Readers.All, r => r.Format == "CycloneDX-JSON");
    }
}
