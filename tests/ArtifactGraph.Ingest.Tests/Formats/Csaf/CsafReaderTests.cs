using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Tests.Formats.Advisories;
using ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.Csaf;

/// <summary>One test per CSAF mapping rule (graph-schema/ontology.md, "CSAF").</summary>
public sealed class CsafReaderTests
{
    private const string Image = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    [Fact]
    public void Read_Document_IssuerTimestampNameAndSingleVulnerabilitySubject()
    {
        var batch = AdvisoryTestInput.ReadFixture("Csaf", "component-of-image.json");

        Assert.Equal("CSAF-JSON", batch.Document.Format);
        Assert.Equal("EX-2099-001", batch.Document.Name);
        Assert.Equal("2.0", batch.Document.SpecVersion);
        Assert.Equal(new NodeRef(NodeKind.Vulnerability, "CVE-2099-1000"), batch.Document.Subject);
        Assert.All(batch.Vex(), v => Assert.Equal("Example Vendor", v.Claim.Issuer));
        Assert.All(batch.Vex(), v => Assert.Equal(DateTimeOffset.Parse("2099-02-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), v.Claim.Timestamp));
    }

    [Fact]
    public void Read_SeveralVulnerabilities_NoSubjectDocumentDescribesEach()
    {
        var batch = AdvisoryTestInput.ReadFixture("Csaf", "not-affected-flags.json");

        Assert.Null(batch.Document.Subject);
        Assert.Equal(2, batch.Edges.Count(e => e.Kind == EdgeKind.Describes && e.To.Kind == NodeKind.Vulnerability));
    }

    [Fact]
    public void Read_Ids_AliasOnlyForVulnerabilityDatabaseIds()
    {
        var batch = AdvisoryTestInput.ReadFixture("Csaf", "component-of-image.json");

        Assert.True(batch.HasAlias("CVE-2099-1000", "GHSA-2222-3333-4444"));
        Assert.DoesNotContain(batch.Nodes, n => n.Key is "123456" or "RHSA-2099:0001");
        Assert.Contains("RHSA-2099:0001", batch.Vulnerability("CVE-2099-1000").Properties["csaf:ids"], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Scores_StatedScoreAndLevel()
    {
        var properties = AdvisoryTestInput.ReadFixture("Csaf", "component-of-image.json").Vulnerability("CVE-2099-1000").Properties;

        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", properties["severity:cvss_v3"]);
        Assert.Equal("7.5", properties["severity:score"]);
        Assert.Equal("high", properties["severity:level"]);
    }

    [Fact]
    public void Read_ComponentOfProduct_VexOnImageWithSubcomponentAndActionStatement()
    {
        var batch = AdvisoryTestInput.ReadFixture("Csaf", "component-of-image.json");

        var affected = batch.Vex().Single(v => v.Claim.Status == VexStatus.Affected);
        Assert.Equal(new NodeRef(NodeKind.Image, Image), affected.Product);
        Assert.Equal(["pkg:apk/alpine/openssl@3.0.7-r0"], affected.Claim.Subcomponents);
        Assert.Equal("vendor_fix: Upgrade to 3.0.8", affected.Claim.ActionStatement);
        var fixedClaim = batch.Vex().Single(v => v.Claim.Status == VexStatus.Fixed);
        Assert.Equal(["pkg:apk/alpine/openssl@3.0.8-r0"], fixedClaim.Claim.Subcomponents);
    }

    [Fact]
    public void Read_KnownAffectedAndFixed_AffectedClaimOnComponentPackageWithVersionAndFix()
    {
        var batch = AdvisoryTestInput.ReadFixture("Csaf", "component-of-image.json");

        var (vulnerability, package, claim) = Assert.Single(batch.Affected());
        Assert.Equal("CVE-2099-1000", vulnerability);
        Assert.Equal(new NodeRef(NodeKind.Package, "pkg:apk/alpine/openssl"), package);
        Assert.Equal(["3.0.7-r0"], claim.Versions);
        Assert.Equal(["3.0.8-r0"], claim.Fixed);
        Assert.Equal("apk", claim.Ecosystem);
    }

    [Fact]
    public void Read_KnownNotAffected_JustificationFromGroupFlagAndImpactFromThreat()
    {
        var batch = AdvisoryTestInput.ReadFixture("Csaf", "not-affected-flags.json");

        var widget = batch.Vex().Single(v => v.Product == new NodeRef(NodeKind.PackageVersion, "pkg:npm/widget@2.0.0") && v.Vulnerability == "CVE-2099-2000").Claim;
        Assert.Equal(VexStatus.NotAffected, widget.Status);
        Assert.Equal("vulnerable_code_not_in_execute_path", widget.Justification);
        Assert.Equal("The parser is never called.", widget.ImpactStatement);
        Assert.Empty(batch.Affected());
    }

    [Fact]
    public void Read_ProductWithoutPurl_GenericNameKeyWithCpeAndOneWarning()
    {
        var batch = AdvisoryTestInput.ReadFixture("Csaf", "not-affected-flags.json");

        var gadget = batch.Node(NodeKind.Package, "pkg:generic/Gadget");
        Assert.Equal("cpe:2.3:a:example:gadget:*:*:*:*:*:*:*:*", gadget.Properties["csaf:cpe"]);
        Assert.Contains(batch.Vex(), v => v.Product == gadget.Ref && v.Claim.Justification == "vulnerable_code_not_in_execute_path");
        Assert.Single(batch.Warnings, w => w.Location == "/product_tree");
    }

    [Fact]
    public void Read_UnderInvestigation_VexUnderInvestigation()
    {
        var batch = AdvisoryTestInput.ReadFixture("Csaf", "not-affected-flags.json");

        Assert.Equal(VexStatus.UnderInvestigation, batch.Vex().Single(v => v.Vulnerability == "CVE-2099-2001").Claim.Status);
    }

    [Fact]
    public void Read_VersRangeBranch_AffectedClaimVersRange()
    {
        var batch = AdvisoryTestInput.ReadFixture("Csaf", "vers-range.json");

        var (_, package, claim) = Assert.Single(batch.Affected());
        Assert.Equal(new NodeRef(NodeKind.Package, "pkg:npm/lib"), package);
        Assert.Equal(["vers:npm/>=1.0.0|<1.4.2"], claim.VersRanges);
        Assert.False(claim.AllVersions);
        Assert.Equal("2.1", batch.Document.SpecVersion);
    }

    [Fact]
    public void Read_StatusNamingUndefinedProduct_SkippedWithWarning()
    {
        var batch = AdvisoryTestInput.ReadJson("""
            { "document": { "category": "csaf_vex", "csaf_version": "2.0", "title": "t", "publisher": { "name": "P" }, "tracking": { "id": "T" } },
              "vulnerabilities": [ { "cve": "CVE-2099-9", "product_status": { "fixed": ["NOPE"] } } ] }
            """);

        Assert.Empty(batch.Claims);
        Assert.Contains(batch.Warnings, w => w.Location == "/vulnerabilities/0/product_status/fixed/0");
    }
}
