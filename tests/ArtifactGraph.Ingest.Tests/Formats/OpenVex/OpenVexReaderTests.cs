using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Tests.Formats.Advisories;

namespace ArtifactGraph.Ingest.Tests.Formats.OpenVex;

/// <summary>One test per OpenVEX mapping rule (graph-schema/ontology.md, "OpenVEX").</summary>
public sealed class OpenVexReaderTests
{
    [Fact]
    public void Read_V001StringVulnerability_NodeUpperCasedClaimPerProduct()
    {
        var batch = AdvisoryTestInput.ReadFixture("OpenVex", "v001-string-vulnerability.json");

        Assert.Equal("OpenVEX-JSON", batch.Document.Format);
        Assert.Equal("0.0.1", batch.Document.SpecVersion);
        Assert.Null(batch.Document.Subject);
        Assert.Equal("cve-2099-4000", batch.Vulnerability("CVE-2099-4000").Name);
        Assert.Equal(
            [new NodeRef(NodeKind.PackageVersion, "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64"), new NodeRef(NodeKind.Package, "pkg:apk/wolfi/git")],
            batch.Vex().Select(v => v.Product));
        Assert.All(batch.Vex(), v => Assert.Equal(VexStatus.Fixed, v.Claim.Status));
    }

    [Fact]
    public void Read_StatementTimestamp_WinsOverDocumentAndAuthorIsIssuer()
    {
        var claim = AdvisoryTestInput.ReadFixture("OpenVex", "v001-string-vulnerability.json").Vex()[0].Claim;

        Assert.Equal(DateTimeOffset.Parse("2099-01-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), claim.Timestamp);
        Assert.Equal("Example Security", claim.Issuer);
    }

    [Fact]
    public void Read_V020Aliases_AliasOf()
    {
        var batch = AdvisoryTestInput.ReadFixture("OpenVex", "v020-image-subcomponents.json");

        Assert.True(batch.HasAlias("CVE-2099-4001", "GHSA-5555-6666-7777"));
        Assert.Equal("https://nvd.nist.gov/vuln/detail/CVE-2099-4001", batch.Vulnerability("CVE-2099-4001").Properties["openvex:vulnerability:@id"]);
    }

    [Fact]
    public void Read_OciPurlProduct_ImageByDigestWithSubcomponents()
    {
        var batch = AdvisoryTestInput.ReadFixture("OpenVex", "v020-image-subcomponents.json");

        var image = batch.Vex().First();
        Assert.Equal(new NodeRef(NodeKind.Image, "sha256:2222222222222222222222222222222222222222222222222222222222222222"), image.Product);
        Assert.Equal(["pkg:apk/alpine/libssl3@3.0.8-r3"], image.Claim.Subcomponents);
        Assert.Equal(VexStatus.NotAffected, image.Claim.Status);
        Assert.Equal("vulnerable_code_not_present", image.Claim.Justification);
        Assert.Equal("removed at build time", image.Claim.ImpactStatement);
        Assert.Equal("stmt-1", image.Claim.StatementId);
    }

    [Fact]
    public void Read_IdentifiersPurlAndHashes_PackageVersionAndArtifact()
    {
        var products = AdvisoryTestInput.ReadFixture("OpenVex", "v020-image-subcomponents.json").Vex().Where(v => v.Vulnerability == "CVE-2099-4001").Select(v => v.Product).ToList();

        Assert.Contains(new NodeRef(NodeKind.PackageVersion, "pkg:npm/thing@1.2.3"), products);
        Assert.Contains(new NodeRef(NodeKind.Artifact, "sha256:3333333333333333333333333333333333333333333333333333333333333333"), products);
    }

    [Fact]
    public void Read_ProductWithoutPurlOrHash_SkippedWithWarning()
    {
        var batch = AdvisoryTestInput.ReadFixture("OpenVex", "v020-image-subcomponents.json");

        Assert.Equal(3, batch.Vex().Count(v => v.Vulnerability == "CVE-2099-4001"));
        Assert.Contains(batch.Warnings, w => w.Location == "/statements/0/products/3");
    }

    [Fact]
    public void Read_AffectedActionStatement_Kept()
    {
        var claim = AdvisoryTestInput.ReadFixture("OpenVex", "v020-image-subcomponents.json").Vex().Single(v => v.Vulnerability == "CVE-2099-4002").Claim;

        Assert.Equal(VexStatus.Affected, claim.Status);
        Assert.Equal("upgrade to 1.2.4", claim.ActionStatement);
        Assert.Equal("/statements/1", claim.StatementId);
    }

    [Fact]
    public void Read_EmptyContextWithStatements_ClaimedAsOpenVex()
    {
        var batch = AdvisoryTestInput.ReadJson("""{ "@context": "", "author": "A", "statements": [ { "vulnerability": { "name": "CVE-2099-1" }, "products": [ { "@id": "pkg:npm/a@1.0.0" } ], "status": "under_investigation" } ] }""");

        Assert.Equal("OpenVEX-JSON", batch.Document.Format);
        Assert.Equal(VexStatus.UnderInvestigation, Assert.Single(batch.Vex()).Claim.Status);
    }
}
