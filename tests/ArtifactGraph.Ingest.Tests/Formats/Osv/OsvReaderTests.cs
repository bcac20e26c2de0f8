using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Tests.Formats.Advisories;
using ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.Osv;

/// <summary>One test per OSV mapping rule (graph-schema/ontology.md, "OSV").</summary>
public sealed class OsvReaderTests
{
    [Fact]
    public void Read_Record_VulnerabilityKeyUpperCasedNameAsWrittenAndSubject()
    {
        var batch = AdvisoryTestInput.ReadJson("""{ "id": "ghsa-abcd-efgh-ijkl", "modified": "2021-01-02T03:04:05Z" }""");

        var node = batch.Vulnerability("GHSA-ABCD-EFGH-IJKL");
        Assert.Equal("ghsa-abcd-efgh-ijkl", node.Name);
        Assert.Equal(node.Ref, batch.Document.Subject);
        Assert.Equal(DateTimeOffset.Parse("2021-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture), batch.Document.CreatedAt);
        Assert.Equal("OSV-JSON", batch.Document.Format);
    }

    [Fact]
    public void Read_AliasesAndRelated_AliasOfOnlyForAliases()
    {
        var batch = AdvisoryTestInput.ReadFixture("Osv", "scoped-npm-and-maven.json");

        Assert.True(batch.HasAlias("GHSA-DDDD-EEEE-FFFF", "CVE-2099-0003"));
        Assert.DoesNotContain(batch.Nodes, n => n.Key == "CVE-2099-0004");
        Assert.Equal("CVE-2099-0004", batch.Vulnerability("GHSA-DDDD-EEEE-FFFF").Properties["osv:related"]);
    }

    [Fact]
    public void Read_CvssV3Vector_ScoreAndLevelComputed()
    {
        var properties = AdvisoryTestInput.ReadFixture("Osv", "scoped-npm-and-maven.json").Vulnerability("GHSA-DDDD-EEEE-FFFF").Properties;

        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", properties["severity:cvss_v3"]);
        Assert.Equal("10.0", properties["severity:score"]);
        Assert.Equal("critical", properties["severity:level"]);
    }

    [Fact]
    public void Read_NoVectorButDatabaseSeverity_LevelFromDatabase()
    {
        var batch = AdvisoryTestInput.ReadJson("""{ "id": "GHSA-1", "modified": "2021-01-01T00:00:00Z", "database_specific": { "severity": "MODERATE" } }""");

        Assert.Equal("medium", batch.Vulnerability("GHSA-1").Properties["severity:level"]);
        Assert.False(batch.Vulnerability("GHSA-1").Properties.ContainsKey("severity:score"));
    }

    [Fact]
    public void Read_CvssV4_VectorKeptWithoutScore()
    {
        var batch = AdvisoryTestInput.ReadJson("""{ "id": "X-1", "modified": "2021-01-01T00:00:00Z", "severity": [ { "type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" } ] }""");

        Assert.StartsWith("CVSS:4.0/", batch.Vulnerability("X-1").Properties["severity:cvss_v4"], StringComparison.Ordinal);
        Assert.False(batch.Vulnerability("X-1").Properties.ContainsKey("severity:score"));
    }

    [Fact]
    public void Read_LongDetails_TruncatedTo4KB()
    {
        var details = new string('x', 5000);
        var batch = AdvisoryTestInput.ReadJson($$"""{ "id": "X-2", "modified": "2021-01-01T00:00:00Z", "summary": "s", "details": "{{details}}" }""");

        var properties = batch.Vulnerability("X-2").Properties;
        Assert.Equal(4096, properties["osv:details"].Length);
        Assert.Equal("true", properties["osv:details:truncated"]);
        Assert.Equal("s", properties["osv:summary"]);
    }

    [Fact]
    public void Read_ScopedNpmName_PackageKeyedWithScopeNamespace()
    {
        var (_, package, claim) = AdvisoryTestInput.ReadFixture("Osv", "scoped-npm-and-maven.json").Affected()[0];

        Assert.Equal(new NodeRef(NodeKind.Package, "pkg:npm/%40babel/core"), package);
        Assert.Equal(["7.0.0"], claim.Versions);
        Assert.Equal("npm", claim.Ecosystem);
    }

    [Fact]
    public void Read_MavenRange_EventsInOrderFixedCollected()
    {
        var (_, package, claim) = AdvisoryTestInput.ReadFixture("Osv", "scoped-npm-and-maven.json").Affected()[1];

        Assert.Equal(new NodeRef(NodeKind.Package, "pkg:maven/org.example/lib"), package);
        Assert.Equal(["introduced 2.0", "fixed 2.1", "introduced 3.0", "last_affected 3.4"], claim.Ranges.Single().Events.Select(e => $"{e.Kind} {e.Value}"));
        Assert.Equal(["2.1"], claim.Fixed);
        Assert.Equal("/affected/1", claim.Location);
        Assert.False(claim.AllVersions);
    }

    [Fact]
    public void Read_PackagePurl_PreferredAndVersionDropped()
    {
        var batch = AdvisoryTestInput.ReadJson("""{ "id": "X-3", "modified": "2021-01-01T00:00:00Z", "affected": [ { "package": { "ecosystem": "PyPI", "name": "ignored", "purl": "pkg:pypi/Real_Name@1.0" }, "versions": ["1.0"] } ] }""");

        Assert.Equal(new NodeRef(NodeKind.Package, "pkg:pypi/real-name"), Assert.Single(batch.Affected()).Package);
    }

    [Fact]
    public void Read_PypiName_NormalizedAsSbomsKeyIt()
    {
        var batch = AdvisoryTestInput.ReadFixture("Osv", "withdrawn.json");

        Assert.Contains(batch.Nodes, n => n.Ref == new NodeRef(NodeKind.Package, "pkg:pypi/some-package"));
    }

    [Fact]
    public void Read_MaliciousIntroducedZeroNoFix_AllVersionsAndMarked()
    {
        var batch = AdvisoryTestInput.ReadFixture("Osv", "malicious-all-versions.json");

        Assert.True(Assert.Single(batch.Affected()).Claim.AllVersions);
        Assert.Equal("true", batch.Vulnerability("MAL-2099-1").Properties["osv:malicious"]);
    }

    [Fact]
    public void Read_NonMaliciousIntroducedZeroNoFix_RangeKeptNotAllVersions()
    {
        var batch = AdvisoryTestInput.ReadJson("""{ "id": "X-4", "modified": "2021-01-01T00:00:00Z", "affected": [ { "package": { "ecosystem": "npm", "name": "a" }, "ranges": [ { "type": "SEMVER", "events": [ { "introduced": "0" } ] } ] } ] }""");

        var claim = Assert.Single(batch.Affected()).Claim;
        Assert.False(claim.AllVersions);
        Assert.Single(claim.Ranges);
    }

    [Fact]
    public void Read_NoRangesNoVersions_AllVersions()
    {
        var batch = AdvisoryTestInput.ReadJson("""{ "id": "X-5", "modified": "2021-01-01T00:00:00Z", "affected": [ { "package": { "ecosystem": "npm", "name": "a" } } ] }""");

        Assert.True(Assert.Single(batch.Affected()).Claim.AllVersions);
    }

    [Fact]
    public void Read_Withdrawn_IngestedMarkedNoClaimsWarned()
    {
        var batch = AdvisoryTestInput.ReadFixture("Osv", "withdrawn.json");

        Assert.Empty(batch.Claims);
        Assert.Equal("2019-06-01T00:00:00Z", batch.Vulnerability("GHSA-AAAA-BBBB-CCCC").Properties["osv:withdrawn"]);
        Assert.Contains(batch.Warnings, w => w.Location == "/withdrawn");
        Assert.True(batch.HasAlias("GHSA-AAAA-BBBB-CCCC", "CVE-2019-0001"));
    }

    [Fact]
    public void Read_GitOnlyAffected_NoClaimWarned()
    {
        var batch = AdvisoryTestInput.ReadFixture("Osv", "git-only.json");

        Assert.Empty(batch.Claims);
        Assert.Contains(batch.Warnings, w => w.Location == "/affected/0");
    }

    [Fact]
    public void Read_EmptyFixedEvent_IgnoredWithWarning()
    {
        var batch = AdvisoryTestInput.ReadJson("""{ "id": "X-6", "modified": "2021-01-01T00:00:00Z", "affected": [ { "package": { "ecosystem": "npm", "name": "a" }, "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "fixed": "" } ] } ] } ] }""");

        Assert.Equal(["introduced"], Assert.Single(batch.Affected()).Claim.Ranges.Single().Events.Select(e => e.Kind));
        Assert.Contains(batch.Warnings, w => w.Location == "/affected/0/ranges/0/events/1/fixed");
    }

    [Fact]
    public void Read_Yaml_MapsLikeJson()
    {
        var batch = AdvisoryTestInput.ReadFixture("Osv", "record.yaml");

        Assert.Equal("OSV-YAML", batch.Document.Format);
        Assert.True(batch.HasAlias("PYSEC-2099-5", "CVE-2099-0005"));
        var (_, package, claim) = Assert.Single(batch.Affected());
        Assert.Equal(new NodeRef(NodeKind.Package, "pkg:pypi/yaml-pkg"), package);
        Assert.Equal(["1.0.1"], claim.Fixed);
    }

    [Theory]
    [InlineData("""{ "bomFormat": "CycloneDX", "specVersion": "1.5", "id": "x", "modified": "y" }""")]
    [InlineData("""{ "spdxVersion": "SPDX-2.3", "modified": "y", "id": "x" }""")]
    [InlineData("""{ "document": { "csaf_version": "2.0" }, "id": "x", "modified": "y" }""")]
    [InlineData("""{ "name": "x", "version": "1.0.0" }""")]
    [InlineData("""[ { "id": "x", "modified": "y" } ]""")]
    public void CanRead_OtherFormats_False(string content) =>
        Assert.False(new ArtifactGraph.Ingest.Formats.Osv.OsvJsonReader().CanRead(CdxTestInput.FromJson(content)));
}
