using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Ingest.Tests.Formats.Spdx2;

/// <summary>One test per mapping rule of graph-schema/ontology.md, "SPDX 2.2 / 2.3", on the fixtures in Fixtures/Spdx2.</summary>
public sealed class Spdx2MapperTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static Core.Ingestion.IngestBatch Fixture(string syntax, string name) =>
        Spdx2TestInput.Read(Spdx2TestInput.FromFile(Spdx2TestInput.FixturePath(syntax, "valid", name)));

    private static NodeRef Pv(string key) => new(NodeKind.PackageVersion, key);

    [Fact]
    public void Read_SyftNameWithoutDescribes_InfersImageSubjectThatContainsRootPackages()
    {
        var batch = Fixture("json", "syft-image-no-describes.json");

        var subject = new NodeRef(NodeKind.Image, "ref:docker.io/library/nginx:latest");
        Assert.Equal(subject, batch.Document.Subject);
        Assert.Equal("latest", batch.Node(NodeKind.Image, subject.Key).Properties["image:tag"]);
        var busybox = Pv("pkg:apk/alpine/busybox@1.36?arch=x86_64");
        var musl = Pv("pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64");

        // busybox is a root; musl is depended on by busybox, so the subject does not contain it directly.
        Assert.True(batch.HasEdge(EdgeKind.Contains, subject, busybox));
        Assert.False(batch.HasEdge(EdgeKind.Contains, subject, musl));
        Assert.True(batch.HasEdge(EdgeKind.Describes, batch.Document.NodeRef, subject));
        Assert.Equal(new DateTimeOffset(2022, 5, 1, 10, 0, 0, TimeSpan.Zero), batch.Document.CreatedAt);
    }

    [Fact]
    public void Read_SyftDocument_CpeAndLicensePropertiesAndPackageVersionOf()
    {
        var batch = Fixture("json", "syft-image-no-describes.json");

        var musl = batch.Node(NodeKind.PackageVersion, "pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64");
        Assert.Equal("cpe:2.3:a:musl:musl:1.2.4:*:*:*:*:*:*:*", musl.Properties["spdx:cpe"]);
        Assert.True(batch.HasEdge(EdgeKind.VersionOf, musl.Ref, new NodeRef(NodeKind.Package, "pkg:apk/alpine/musl")));
        Assert.True(batch.HasEdge(EdgeKind.HasLicense, musl.Ref, new NodeRef(NodeKind.License, "MIT")));
    }

    [Fact]
    public void Read_Files_ArtifactsByDigestContainedByOwnerElseSubject_NoChecksumSkippedWithWarning()
    {
        var batch = Fixture("json", "syft-image-no-describes.json");

        var binary = new NodeRef(NodeKind.Artifact, "sha256:" + Hex);
        var motd = new NodeRef(NodeKind.Artifact, "sha1:0123456789abcdef0123456789abcdef01234567");
        Assert.Equal("/bin/busybox", batch.Node(NodeKind.Artifact, binary.Key).Name);
        Assert.True(batch.HasEdge(EdgeKind.Contains, Pv("pkg:apk/alpine/busybox@1.36?arch=x86_64"), binary));
        Assert.True(batch.HasEdge(EdgeKind.Contains, batch.Document.Subject!.Value, motd));
        Assert.Contains(batch.Warnings, w => w.Location == "/files/2" && w.Message.Contains("no usable checksum", StringComparison.Ordinal));
        Assert.Equal("1", batch.Nodes.Single(n => n.Kind == NodeKind.Document).Properties["spdx:relationshipsSkipped"]);
    }

    [Fact]
    public void Read_DependencyRelationships_MapToDependsOnWithScopeAndLink()
    {
        var batch = Fixture("json", "described-packages-dependencies.json");
        var app = Pv("pkg:npm/app@1.0");

        Assert.Equal(app, batch.Document.Subject);
        Assert.Equal("runtime", batch.Edge(EdgeKind.DependsOn, app, Pv("pkg:npm/lodash@4.17.21")).Properties["scope"]);
        Assert.Equal("test", batch.Edge(EdgeKind.DependsOn, app, Pv("pkg:npm/jest@29.0.0")).Properties["scope"]);
        Assert.Equal("build", batch.Edge(EdgeKind.DependsOn, app, Pv("pkg:generic/typescript@5.0.0")).Properties["scope"]);
        var link = batch.Edge(EdgeKind.DependsOn, app, Pv("pkg:generic/zlib@1.3"));
        Assert.Equal("static", link.Properties["link"]);
        Assert.Equal("runtime", link.Properties["scope"]);
    }

    [Fact]
    public void Read_ExternalDocumentRefs_KeptAsPropertiesAndCounted_NoAssertionSkipped()
    {
        var batch = Fixture("json", "described-packages-dependencies.json");
        var app = batch.Node(NodeKind.PackageVersion, "pkg:npm/app@1.0");
        var document = batch.Nodes.Single(n => n.Kind == NodeKind.Document);

        Assert.Equal("DEPENDS_ON DocumentRef-lib:SPDXRef-libpkg", app.Properties["spdx:externalRef"]);
        Assert.Equal("1", document.Properties["spdx:externalRelationships"]);
        Assert.Equal("DocumentRef-lib https://example.com/lib SHA1:0123456789abcdef0123456789abcdef01234567", document.Properties["spdx:externalDocumentRefs"]);
        Assert.Equal(4, batch.EdgesOf(EdgeKind.DependsOn).Count()); // the NOASSERTION target made no edge
    }

    [Fact]
    public void Read_PropertyRelationshipsAlternatePurlsAndLicenses_KeptVisible()
    {
        var batch = Fixture("json", "described-packages-dependencies.json");

        var zlib = batch.Node(NodeKind.PackageVersion, "pkg:generic/zlib@1.3");
        Assert.Equal("pkg:generic/orphan@0.1", zlib.Properties["spdx:rel:VARIANT_OF"]);
        Assert.Equal("pkg:github/example/app@v1.0", batch.Node(NodeKind.PackageVersion, "pkg:npm/app@1.0").Properties["spdx:purl:alt"]);

        // licenseDeclared NOASSERTION: the concluded licence is used, and only it is recorded.
        var lodash = batch.Node(NodeKind.PackageVersion, "pkg:npm/lodash@4.17.21");
        Assert.True(batch.HasEdge(EdgeKind.HasLicense, lodash.Ref, new NodeRef(NodeKind.License, "MIT")));
        Assert.False(lodash.Properties.ContainsKey("spdx:licenseDeclared"));
        Assert.Single(batch.EdgesOf(EdgeKind.OccursAs), e => e.From == lodash.Ref && e.To.Key.StartsWith("sha512:", StringComparison.Ordinal));

        // Related only by a property, the orphan is still tied to the Document.
        Assert.True(batch.HasEdge(EdgeKind.Describes, batch.Document.NodeRef, Pv("pkg:generic/orphan@0.1")));
    }

    [Fact]
    public void Read_ContainerPackage_IsImageKeyedByDigestNamedRepositoryTag()
    {
        var batch = Fixture("json", "container-package.json");

        var image = batch.Node(NodeKind.Image, "sha256:" + Hex);
        Assert.Equal(image.Ref, batch.Document.Subject);
        Assert.Equal("registry.example.com/kubectl:v1.28.1", image.Name);
        Assert.Equal("v1.28.1", image.Properties["image:tag"]);
        Assert.True(batch.HasEdge(EdgeKind.Contains, image.Ref, Pv("pkg:golang/github.com/spf13/cobra@v1.7.0")));
        Assert.DoesNotContain(batch.Nodes, n => n.Kind == NodeKind.PackageVersion && n.Name == "registry.example.com/kubectl");
    }

    [Fact]
    public void Read_ImageLabelsInAnnotations_BasedOnTheBaseImageByDigest()
    {
        var batch = Fixture("json", "container-base-image-annotations.json");

        var image = new NodeRef(NodeKind.Image, "sha256:" + Hex);
        var baseImage = batch.Node(NodeKind.Image, "sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210");
        Assert.True(batch.HasEdge(EdgeKind.BasedOn, image, baseImage.Ref));
        Assert.Equal("registry.example.com/base/distroless:12", baseImage.Name);

        // Prose with an '=' in it is not a label.
        Assert.Single(batch.Edges, e => e.Kind == EdgeKind.BasedOn);
    }

    [Fact]
    public void Labels_KeyValueCommentsOnly_ProseSkipped()
    {
        string[] comments = ["a.b=c", " k = v ", "checked that x = y holds", "=nokey", "no equals"];

        var labels = Ingest.Formats.Spdx2.Spdx2ImageLinks.Labels(comments).ToList();

        Assert.Equal([new KeyValuePair<string, string>("a.b", "c"), new KeyValuePair<string, string>("k", "v")], labels);
    }

    [Fact]
    public void Read_TagValueImageLabelsInAnnotations_SameGraphAsJsonTwin()
    {
        var json = Fixture("json", "container-base-image-annotations.json");
        var tagValue = Fixture("tagvalue", "container-base-image-annotations.spdx");

        var (jsonNodes, jsonEdges) = Graph(json);
        var (nodes, edges) = Graph(tagValue);
        Assert.Equal(jsonNodes, nodes);
        Assert.Equal(jsonEdges, edges);
        Assert.Single(tagValue.Edges, e => e.Kind == EdgeKind.BasedOn);
        Assert.Empty(tagValue.Warnings);
    }

    [Fact]
    public void Parse_TagValueAnnotations_SpdxRefElseFollowedPackage_OtherElementsDropped()
    {
        var builder = new Core.Ingestion.IngestBatchBuilder();
        var document = Ingest.Formats.Spdx2.Spdx2TagValueParser.Parse(
            """
            SPDXVersion: SPDX-2.3
            SPDXID: SPDXRef-DOCUMENT
            Annotator: Tool: t
            AnnotationComment: on the document
            SPDXREF: SPDXRef-DOCUMENT
            PackageName: a
            SPDXID: SPDXRef-a
            Annotator: Tool: t
            AnnotationComment: follows a
            AnnotationComment: <text>a second annotation,
            also after a</text>
            PackageName: b
            SPDXID: SPDXRef-b
            Annotator: Tool: t
            SPDXREF: SPDXRef-a
            AnnotationComment: names a
            FileName: ./f
            SPDXID: SPDXRef-f
            Annotator: Tool: t
            AnnotationComment: follows the file
            Annotator: Tool: t
            AnnotationComment: names nothing
            SPDXREF: SPDXRef-missing
            """,
            builder);

        Assert.Equal(["follows a", "a second annotation,\nalso after a", "names a"], document.Packages[0].AnnotationComments);
        Assert.Empty(document.Packages[1].AnnotationComments);
        var warning = Assert.Single(builder.Build(new Core.Ingestion.DocumentInfo { Sha256 = Hex, Format = "t", Name = "t" }).Warnings);
        Assert.Equal("line 23", warning.Location);
    }

    /// <summary>Nodes and edges with the Document node (keyed by the file's hash, so per syntax) renamed alike.</summary>
    private static (string[] Nodes, string[] Edges) Graph(Core.Ingestion.IngestBatch batch)
    {
        string Name(NodeRef node) => node == batch.Document.NodeRef ? "document" : node.ToString();
        string Props(IReadOnlyDictionary<string, string> properties) => string.Join(", ", properties.OrderBy(p => p.Key, StringComparer.Ordinal));
        return (
            batch.Nodes.Where(n => n.Kind != NodeKind.Document).Select(n => $"{n.Ref} {n.Name} [{Props(n.Properties)}]").Order(StringComparer.Ordinal).ToArray(),
            batch.Edges.Select(e => $"{e.Kind} {Name(e.From)} -> {Name(e.To)} [{Props(e.Properties)}]").Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Read_TagValue_FilesAfterPackageBelongToItAndTextBlocksSpanLines()
    {
        var batch = Fixture("tagvalue", "package-with-files.spdx");
        var hello = Pv("pkg:generic/hello@1.0");

        Assert.Equal(hello, batch.Document.Subject);
        Assert.True(batch.HasEdge(EdgeKind.Contains, hello, new NodeRef(NodeKind.Artifact, "sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210")));
        Assert.True(batch.HasEdge(EdgeKind.Contains, hello, new NodeRef(NodeKind.Artifact, "sha1:0123456789abcdef0123456789abcdef01234567")));
        Assert.Equal("dynamic", batch.Edge(EdgeKind.DependsOn, hello, Pv("pkg:generic/libc@2.38")).Properties["link"]);
        Assert.Contains(batch.Warnings, w => w.Location == "line 10" && w.Message.Contains("FutureTag", StringComparison.Ordinal));
        Assert.Equal("Tool: example", batch.Nodes.Single(n => n.Kind == NodeKind.Document).Properties["spdx:creators"]);
    }

    [Fact]
    public void Read_Yaml_SameModelAsJson()
    {
        var batch = Fixture("yaml", "anchors-and-packages.yaml");
        var app = Pv("pkg:pypi/app@2.0");

        Assert.Equal("SPDX-2-YAML", batch.Document.Format);
        Assert.Equal("2.3", batch.Document.SpecVersion);
        Assert.Equal(app, batch.Document.Subject);
        Assert.Equal("runtime", batch.Edge(EdgeKind.DependsOn, app, Pv("pkg:pypi/requests@2.31.0")).Properties["scope"]);
        Assert.Equal("false", batch.Node(NodeKind.PackageVersion, app.Key).Properties["spdx:filesAnalyzed"]);
    }

    [Theory]
    [InlineData("sbom-sha256:" + Hex, "Image", "sha256:" + Hex)]
    [InlineData("registry.example.com/app@sha256:" + Hex, "Image", "sha256:" + Hex)]
    [InlineData("k8s.gcr.io/kube-apiserver:v1.24.1", "Image", "ref:k8s.gcr.io/kube-apiserver:v1.24.1")]
    [InlineData("my project", "PackageVersion", "pkg:generic/my%20project")]
    public void Read_NoDescribes_SubjectInferredFromName(string name, string kind, string key)
    {
        var batch = Spdx2TestInput.Read($$"""{ "spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "{{name}}" }""");

        Assert.Equal(new NodeRef(Enum.Parse<NodeKind>(kind), key), batch.Document.Subject);
    }

    [Fact]
    public void Read_Spdx21_AcceptedWithWarning()
    {
        var batch = Spdx2TestInput.Read("""{ "spdxVersion": "SPDX-2.1", "SPDXID": "SPDXRef-DOCUMENT", "name": "old" }""");

        Assert.Contains(batch.Warnings, w => w.Location == "/spdxVersion");
    }

    [Theory]
    [InlineData("{ \"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\" }", null)]
    [InlineData("{ \"spdxVersion\": \"SPDX-2.3\" }", "SPDX-2-JSON")]
    [InlineData("{ \"@context\": \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\", \"spdxVersion\": \"SPDX-3.0\" }", null)]
    [InlineData("SPDXVersion: SPDX-2.2\nDataLicense: CC0-1.0\n", "SPDX-2-TagValue")]
    [InlineData("# comment\nspdxVersion: 'SPDX-2.3'\nname: x\n", "SPDX-2-YAML")]
    [InlineData("root:\n  spdxVersion: SPDX-2.3\n", null)]
    [InlineData("<rdf:RDF><spdx:specVersion>SPDX-2.3</spdx:specVersion></rdf:RDF>", null)]
    public void CanRead_Content_ClaimedByExactlyTheRightReader(string content, string? format)
    {
        var input = Spdx2TestInput.FromText(content);

        Assert.Equal(format, Spdx2TestInput.Readers.SingleOrDefault(r => r.CanRead(input))?.Format);
    }
}
