using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Formats.CycloneDx;
using ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.Images;

/// <summary>Base-image, index/platform and repository-digest evidence in SBOMs becomes edges between Image nodes.</summary>
public sealed class ImageLinksTests
{
    private static readonly string Config = "sha256:" + new string('c', 64);
    private static readonly string Repo = "sha256:" + new string('d', 64);
    private static readonly string Base = "sha256:" + new string('b', 64);
    private static readonly string Index = "sha256:" + new string('1', 64);
    private static readonly string Platform = "sha256:" + new string('2', 64);

    private static NodeRef Image(string key) => new(NodeKind.Image, key);

    private static Core.Ingestion.IngestBatch Cdx(string subjectExtra, string components = "") =>
        new CycloneDxJsonReader().Read(CdxTestInput.FromJson(
            "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"metadata\":{\"component\":{\"type\":\"container\",\"name\":\"registry.example.com/shop/api:1.4.2\",\"version\":\""
            + Config + "\"" + subjectExtra + "}},\"components\":[" + components + "]}"));

    [Fact]
    public void Read_CdxBaseNameAndDigest_BasedOnBaseImageByDigest()
    {
        var batch = Cdx($$""","properties":[{"name":"org.opencontainers.image.base.name","value":"alpine:3.19"},{"name":"org.opencontainers.image.base.digest","value":"{{Base}}"}]""");

        Assert.True(batch.HasEdge(EdgeKind.BasedOn, Image(Config), Image(Base)));
        var baseImage = batch.Node(NodeKind.Image, Base);
        Assert.Equal("docker.io/library/alpine:3.19", baseImage.Name);
        Assert.Equal("3.19", baseImage.Properties["image:tag"]);
    }

    [Fact]
    public void Read_CdxBaseNameOnlyBehindToolPrefix_BasedOnUnresolvedTagReference()
    {
        var batch = Cdx(""","properties":[{"name":"syft:image:labels:org.opencontainers.image.base.name","value":"debian:12-slim"}]""");

        var reference = Image("ref:docker.io/library/debian:12-slim");
        Assert.True(batch.HasEdge(EdgeKind.BasedOn, Image(Config), reference));
        Assert.Equal("true", batch.Node(NodeKind.Image, reference.Key).Properties["image:unresolved"]);
    }

    [Fact]
    public void Read_CdxConfigKeyedImageWithRepositoryDigestPurl_RepositoryDigestContainsIt()
    {
        var batch = Cdx($$""","purl":"pkg:oci/api@{{Repo.Replace(":", "%3A", StringComparison.Ordinal)}}?repository_url=registry.example.com/shop/api" """);

        Assert.True(batch.HasEdge(EdgeKind.Contains, Image(Repo), Image(Config)));
        Assert.Equal("registry.example.com/shop/api:1.4.2", batch.Node(NodeKind.Image, Repo).Name);
    }

    [Fact]
    public void Read_CdxTrivyRepoDigestAndImageId_LinkedBothWays()
    {
        var other = "sha256:" + new string('e', 64);
        var batch = Cdx($$""","properties":[{"name":"aquasecurity:trivy:RepoDigest","value":"registry.example.com/shop/api@{{Repo}}"},{"name":"aquasecurity:trivy:ImageID","value":"{{other}}"}]""");

        Assert.True(batch.HasEdge(EdgeKind.Contains, Image(Repo), Image(Config)));
        Assert.True(batch.HasEdge(EdgeKind.Contains, Image(Config), Image(other)));
    }

    [Fact]
    public void Read_CdxLibraryWithOciDigestPurl_IsAnImage()
    {
        var batch = Cdx(string.Empty, $$"""{"type":"library","name":"helper","purl":"pkg:oci/helper@{{Base.Replace(":", "%3A", StringComparison.Ordinal)}}"}""");

        Assert.Contains(batch.Nodes, n => n.Ref == Image(Base));
        Assert.DoesNotContain(batch.Nodes, n => n.Kind == NodeKind.PackageVersion && n.Key.StartsWith("pkg:oci/helper", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SpdxPlatformPackageOfAnIndex_KeyedByItsManifestAndContainedByTheIndex()
    {
        var batch = Spdx2.Spdx2TestInput.Read($$"""
            {"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","name":"app-amd64","dataLicense":"CC0-1.0",
             "documentNamespace":"https://example.com/app-amd64","creationInfo":{"created":"2026-01-01T00:00:00Z","creators":["Tool: test"]},
             "packages":[{"SPDXID":"SPDXRef-image","name":"app_amd64","versionInfo":"1.0",
               "externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl",
                 "referenceLocator":"pkg:oci/app@{{Index.Replace(":", "%3A", StringComparison.Ordinal)}}?arch=amd64&repository_url=registry.example.com/app&tag=1.0"}],
               "checksums":[{"algorithm":"SHA256","checksumValue":"{{Platform[7..]}}"}]}],
             "relationships":[{"spdxElementId":"SPDXRef-DOCUMENT","relationshipType":"DESCRIBES","relatedSpdxElement":"SPDXRef-image"}]}
            """);

        Assert.Equal(Image(Platform), batch.Document.Subject);
        Assert.True(batch.HasEdge(EdgeKind.Contains, Image(Index), Image(Platform)));
        Assert.Equal("registry.example.com/app:1.0", batch.Node(NodeKind.Image, Index).Name);
    }
}
