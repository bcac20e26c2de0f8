using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Tests.Formats.Advisories;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

/// <summary>One test per CycloneDX VEX mapping rule (graph-schema/ontology.md, "CycloneDX VEX").</summary>
public sealed class CycloneDxVexTests
{
    private static readonly NodeRef Lodash = new(NodeKind.PackageVersion, "pkg:npm/lodash@4.17.15");
    private static readonly NodeRef App = new(NodeKind.PackageVersion, "pkg:npm/app@1.0.0");

    [Fact]
    public void Read_VulnerabilityWithReferences_NodeAliasesAndDescribed()
    {
        var batch = AdvisoryTestInput.ReadFixture("CycloneDxVex", "bom-ref-and-purl-targets.json");

        Assert.True(batch.HasAlias("CVE-2099-5000", "GHSA-8888-9999-AAAA"));
        Assert.Equal("NVD", batch.Vulnerability("CVE-2099-5000").Properties["cdx:source"]);
        Assert.True(batch.HasEdge(EdgeKind.Describes, batch.Document.NodeRef, new NodeRef(NodeKind.Vulnerability, "CVE-2099-5000")));
        Assert.Equal(App, batch.Document.Subject);
    }

    [Fact]
    public void Read_RatingVectorWithoutPrefix_PrefixedAndScored()
    {
        var properties = AdvisoryTestInput.ReadFixture("CycloneDxVex", "bom-ref-and-purl-targets.json").Vulnerability("CVE-2099-5000").Properties;

        Assert.Equal("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H", properties["severity:cvss_v3"]);
        Assert.Equal("7.4", properties["severity:score"]);
        Assert.Equal("high", properties["severity:level"]);
    }

    [Fact]
    public void Read_BomRefTarget_VexOnComponentWithIssuerAndResponse()
    {
        var batch = AdvisoryTestInput.ReadFixture("CycloneDxVex", "bom-ref-and-purl-targets.json");

        var (_, product, claim) = batch.Vex().Single(v => v.Vulnerability == "CVE-2099-5000");
        Assert.Equal(Lodash, product);
        Assert.Equal(VexStatus.Affected, claim.Status);
        Assert.Equal("Example Manufacturer", claim.Issuer);
        Assert.Equal("response: update. upgrade lodash", claim.ActionStatement);
        Assert.Equal(DateTimeOffset.Parse("2099-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), claim.Timestamp);
    }

    [Fact]
    public void Read_AffectedRange_AffectedClaimOnPackage()
    {
        var (_, package, claim) = Assert.Single(AdvisoryTestInput.ReadFixture("CycloneDxVex", "bom-ref-and-purl-targets.json").Affected());

        Assert.Equal(new NodeRef(NodeKind.Package, "pkg:npm/lodash"), package);
        Assert.Equal(["vers:npm/<4.17.19"], claim.VersRanges);
        Assert.Equal("npm", claim.Ecosystem);
    }

    [Fact]
    public void Read_NotAffected_JustificationMappedToOpenVexAndDetailIsImpact()
    {
        var batch = AdvisoryTestInput.ReadFixture("CycloneDxVex", "bom-ref-and-purl-targets.json");

        var claims = batch.Vex().Where(v => v.Vulnerability == "CVE-2099-5001").ToList();
        Assert.All(claims, c => Assert.Equal("vulnerable_code_not_in_execute_path", c.Claim.Justification));
        Assert.All(claims, c => Assert.Equal("never called", c.Claim.ImpactStatement));
        Assert.Equal("code_not_reachable", batch.Vulnerability("CVE-2099-5001").Properties["cdx:analysis:justification"]);
    }

    [Fact]
    public void Read_BomLinkToThisBomAndPurlRef_Resolved()
    {
        var products = AdvisoryTestInput.ReadFixture("CycloneDxVex", "bom-ref-and-purl-targets.json").Vex().Where(v => v.Vulnerability == "CVE-2099-5001").Select(v => v.Product);

        Assert.Equal([App, new NodeRef(NodeKind.PackageVersion, "pkg:npm/other@2.0.0")], products);
    }

    [Fact]
    public void Read_BomLinkToOtherBom_NoAnalysisStatusFromVersionsOnRefNode()
    {
        var batch = AdvisoryTestInput.ReadFixture("CycloneDxVex", "bom-ref-and-purl-targets.json");

        var (_, product, claim) = batch.Vex().Single(v => v.Vulnerability == "CVE-2099-5002");
        Assert.Equal(new NodeRef(NodeKind.Package, "urn:cdx:99999999-2222-3333-4444-555555555555/1#elsewhere"), product);
        Assert.Equal(VexStatus.NotAffected, claim.Status);
        Assert.Contains(batch.Warnings, w => w.Location == "/vulnerabilities/2/affects/0/ref");
    }

    [Theory]
    [InlineData("resolved", VexStatus.Fixed)]
    [InlineData("resolved_with_pedigree", VexStatus.Fixed)]
    [InlineData("exploitable", VexStatus.Affected)]
    [InlineData("in_triage", VexStatus.UnderInvestigation)]
    [InlineData("false_positive", VexStatus.NotAffected)]
    [InlineData("not_affected", VexStatus.NotAffected)]
    public void Read_AnalysisState_MappedToVexStatus(string state, VexStatus expected)
    {
        var batch = AdvisoryTestInput.ReadJson($$"""
            { "bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
              "components": [ { "type": "library", "name": "a", "bom-ref": "a", "purl": "pkg:npm/a@1.0.0" } ],
              "vulnerabilities": [ { "id": "CVE-2099-1", "analysis": { "state": "{{state}}" }, "affects": [ { "ref": "a" } ] } ] }
            """);

        Assert.Equal(expected, Assert.Single(batch.Vex()).Claim.Status);
    }

    [Theory]
    [InlineData("code_not_present", "vulnerable_code_not_present")]
    [InlineData("code_not_reachable", "vulnerable_code_not_in_execute_path")]
    [InlineData("requires_configuration", "vulnerable_code_cannot_be_controlled_by_adversary")]
    [InlineData("requires_dependency", "vulnerable_code_cannot_be_controlled_by_adversary")]
    [InlineData("requires_environment", "vulnerable_code_cannot_be_controlled_by_adversary")]
    [InlineData("protected_by_compiler", "inline_mitigations_already_exist")]
    [InlineData("protected_at_runtime", "inline_mitigations_already_exist")]
    [InlineData("protected_at_perimeter", "inline_mitigations_already_exist")]
    [InlineData("protected_by_mitigating_control", "inline_mitigations_already_exist")]
    public void Read_Justification_MappedToOpenVex(string justification, string expected)
    {
        var batch = AdvisoryTestInput.ReadJson($$"""
            { "bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
              "components": [ { "type": "library", "name": "a", "bom-ref": "a", "purl": "pkg:npm/a@1.0.0" } ],
              "vulnerabilities": [ { "id": "CVE-2099-1", "analysis": { "state": "not_affected", "justification": "{{justification}}" }, "affects": [ { "ref": "a" } ] } ] }
            """);

        Assert.Equal(expected, Assert.Single(batch.Vex()).Claim.Justification);
    }

    [Fact]
    public void Read_XmlVex_MapsLikeJson()
    {
        var batch = AdvisoryTestInput.ReadFixture("CycloneDxVex", "xml-vex.xml");

        var (vulnerability, product, claim) = Assert.Single(batch.Vex());
        Assert.Equal("CVE-2018-7489", vulnerability);
        Assert.Equal(new NodeRef(NodeKind.PackageVersion, "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.8.0"), product);
        Assert.Equal("vulnerable_code_not_in_execute_path", claim.Justification);
        Assert.True(batch.HasAlias("CVE-2018-7489", "GHSA-6FPP-RGJ9-8RWC"));
        Assert.Equal("9.8", batch.Vulnerability("CVE-2018-7489").Properties["severity:score"]);
    }

    [Fact]
    public void Read_SpecValidVulnerabilityBom_VexOnComponentAndAffectedRanges()
    {
        var batch = AdvisoryTestInput.Read(CdxTestInput.FromFile(Corpus.PathOf("cyclonedx", "spec-valid-vulnerability-1.6.json")));

        var (_, product, claim) = Assert.Single(batch.Vex());
        Assert.Equal(new NodeRef(NodeKind.PackageVersion, "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.4"), product);
        Assert.Equal(VexStatus.NotAffected, claim.Status);
        Assert.Equal(3, Assert.Single(batch.Affected()).Claim.VersRanges.Count);
        Assert.True(batch.HasAlias("SNYK-JAVA-COMFASTERXMLJACKSONCORE-32111", "CVE-2018-7489"));
    }
}
