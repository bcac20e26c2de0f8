using System.Text.Json;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Tests.Formats.CycloneDx;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Ingest.Tests.Formats.Advisories;

/// <summary>
/// Every advisory and VEX document of the corpus (osv/, vex/, expected/, GUAC's VEX and CSAF examples, CycloneDX VEX
/// BOMs) is claimed by the right reader and ingests, or is rejected for the reason listed here. Plus the facts the
/// corpus README and converter pairs state.
/// </summary>
public sealed class AdvisoryCorpusTests
{
    /// <summary>The documents that must not ingest, with the location and a fragment of the reason.</summary>
    private static readonly Dictionary<string, (string Location, string Reason)> Rejected = new(StringComparer.Ordinal)
    {
        // ossf/malicious-packages' pre-id placeholder: OSV requires an id, and the record's node key is the id.
        ["osv/malicious/npm-flatmap-stream-MAL-0000-flatmap-stream.json"] = ("/id", "needs an id"),

        // osv-linter negative case: a range must open with an introduced event.
        ["osv/osv-schema_nointroduced-CVE-2023-41045.json"] = ("/affected/0/ranges/0/events", "'introduced'"),
    };

    /// <summary>Inputs of GitHub's GraphQL advisory API (converter test inputs): not a document format we read.</summary>
    private static readonly HashSet<string> Unrecognised = new(StringComparer.Ordinal)
    {
        "expected/osv-schema-ghsa2osv/full_ranges.json",
        "expected/osv-schema-ghsa2osv/maven_greater_than.json",
        "expected/osv-schema-ghsa2osv/pypi_normalize.json",
        "expected/osv-schema-ghsa2osv/withdrawn.json",
    };

    public static TheoryData<string> Files() => AdvisoryCorpusFiles.Theory();

    public static TheoryData<string> OtherFiles()
    {
        var mine = AdvisoryCorpusFiles.All().ToHashSet(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var file in Corpus.Files(".").Select(f => Path.GetRelativePath(Corpus.Root, f).Replace('\\', '/')))
        {
            if (!mine.Contains(file) && Path.GetExtension(file) is ".json" or ".yaml" or ".yml" or ".xml" or ".spdx" && !file.StartsWith("purl/", StringComparison.Ordinal) && !file.StartsWith("versions/", StringComparison.Ordinal) && !file.StartsWith("schemas/", StringComparison.Ordinal))
            {
                data.Add(file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_CorpusDocument_IngestsOrRejectedForListedReason(string relativePath)
    {
        var input = CdxTestInput.FromFile(Path.Combine(Corpus.Root, relativePath));
        var reader = AdvisoryTestInput.Sniff(input);
        if (Unrecognised.Contains(relativePath))
        {
            Assert.Null(reader);
            return;
        }

        Assert.Equal(ExpectedFormat(relativePath), reader?.Format);
        if (Rejected.TryGetValue(relativePath, out var rejection))
        {
            var error = Assert.Throws<DocumentRejectedException>(() => reader!.Read(input));
            Assert.Equal(rejection.Location, error.Location);
            Assert.Contains(rejection.Reason, error.Reason, StringComparison.Ordinal);
            return;
        }

        var batch = reader!.Read(input);
        var nodes = batch.Nodes.Select(n => n.Ref).ToHashSet();
        Assert.Contains(batch.Nodes, n => n.Kind == NodeKind.Vulnerability);
        Assert.All(batch.Claims, c => Assert.Contains(c.Subject, nodes));
        Assert.All(batch.Claims, c => Assert.Contains(new NodeRef(NodeKind.Vulnerability, c.Vulnerability), nodes));
    }

    [Theory]
    [MemberData(nameof(OtherFiles))]
    public void CanRead_OtherCorpusDocuments_NoAdvisoryReaderClaimsThem(string relativePath)
    {
        var input = CdxTestInput.FromFile(Path.Combine(Corpus.Root, relativePath));
        var advisoryFormats = new[] { "OSV-JSON", "OSV-YAML", "CSAF-JSON", "OpenVEX-JSON" };

        Assert.DoesNotContain(Readers.All.Where(r => advisoryFormats.Contains(r.Format)), r => r.CanRead(input));
    }

    [Fact]
    public void Read_Log4ShellGhsa_Log4jCorePackageWithThreeRangesAndCveAlias()
    {
        var batch = AdvisoryTestInput.Read(CdxTestInput.FromFile(Corpus.PathOf("osv", "GHSA-jfh8-c2jp-5v3q.json")));
        var log4j = new NodeRef(NodeKind.Package, "pkg:maven/org.apache.logging.log4j/log4j-core");

        var ranges = batch.Affected().Where(a => a.Package == log4j).SelectMany(a => a.Claim.Ranges).ToList();

        Assert.Equal(
            ["2.0-beta9..2.3.1", "2.13.0..2.15.0", "2.4..2.12.2"],
            ranges.Select(r => $"{r.Events.Single(e => e.Kind == "introduced").Value}..{r.Events.Single(e => e.Kind == "fixed").Value}").Order(StringComparer.Ordinal));
        Assert.True(batch.HasAlias("GHSA-JFH8-C2JP-5V3Q", "CVE-2021-44228"));
        Assert.Equal(new NodeRef(NodeKind.Vulnerability, "GHSA-JFH8-C2JP-5V3Q"), batch.Document.Subject);
        Assert.Equal("critical", batch.Vulnerability("GHSA-JFH8-C2JP-5V3Q").Properties["severity:level"]);
    }

    [Fact]
    public void Read_Log4ShellGhsa_PackageKeyEqualsTheSpdxSbomPackage()
    {
        // README: guac-data/spdx_vuln.json holds log4j-core@2.8.1, which the GHSA marks affected. Both must key one Package.
        var sbom = AdvisoryTestInput.Read(CdxTestInput.FromFile(Corpus.PathOf("guac", "guac-data", "spdx_vuln.json")));
        var advisory = AdvisoryTestInput.Read(CdxTestInput.FromFile(Corpus.PathOf("osv", "GHSA-jfh8-c2jp-5v3q.json")));
        var log4j = new NodeRef(NodeKind.Package, "pkg:maven/org.apache.logging.log4j/log4j-core");

        Assert.Contains(sbom.Nodes, n => n.Ref == log4j);
        Assert.Contains(sbom.Nodes, n => n.Ref == new NodeRef(NodeKind.PackageVersion, "pkg:maven/org.apache.logging.log4j/log4j-core@2.8.1"));
        Assert.Contains(advisory.Affected(), a => a.Package == log4j);
    }

    [Fact]
    public void Read_RedHatCsafAdvisory_FixedPackagesMatchRedHatsOwnOsvConversion()
    {
        var csaf = AdvisoryTestInput.Read(CdxTestInput.FromFile(Corpus.PathOf("expected", "osv-schema-redhat-csaf2osv", "rhsa-2024_4546.csaf.json")));
        using var osv = JsonDocument.Parse(File.ReadAllBytes(Corpus.PathOf("expected", "osv-schema-redhat-csaf2osv", "RHSA-2024_4546.osv.json")));

        // Red Hat's OSV writes epoch:version; the purl carries the epoch as a qualifier and the version without it.
        var expected = osv.RootElement.GetProperty("affected").EnumerateArray()
            .Select(a => (PackageIdentity.FromPurl(a.GetProperty("package").GetProperty("purl").GetString()!).PackageKey,
                a.GetProperty("ranges")[0].GetProperty("events")[1].GetProperty("fixed").GetString()!.Split(':', 2)[1]))
            .ToHashSet();
        var actual = csaf.Affected().SelectMany(a => a.Claim.Fixed.Select(f => (a.Package.Key, f))).ToHashSet();

        Assert.Equal(expected.Order(), actual.Order());
        Assert.All(csaf.Affected(), a => Assert.All(a.Claim.Ranges, r => Assert.Equal("0", r.Events[0].Value)));
    }

    [Fact]
    public void Read_VexctlCsaf_SameStatementVexctlDocumentsForIt()
    {
        // vex/vexctl-csaf/README.md: merging csaf.json gives CVE-2009-4487 not_affected for pkg:generic/component1@1.3.4.
        var batch = AdvisoryTestInput.Read(CdxTestInput.FromFile(Corpus.PathOf("vex", "vexctl-csaf", "csaf.json")));

        var (vulnerability, product, claim) = Assert.Single(batch.Vex());
        Assert.Equal("CVE-2009-4487", vulnerability);
        Assert.Equal(new NodeRef(NodeKind.PackageVersion, "pkg:generic/component1@1.3.4"), product);
        Assert.Equal(VexStatus.NotAffected, claim.Status);
        Assert.Equal("Class with vulnerable code was removed before shipping.", claim.ImpactStatement);
        Assert.Equal(DateTimeOffset.Parse("2022-03-03T11:00:00Z", System.Globalization.CultureInfo.InvariantCulture), claim.Timestamp);
    }

    [Fact]
    public void Read_OpenVexImageStatement_KeyedByImageDigestLikeSboms()
    {
        var batch = AdvisoryTestInput.Read(CdxTestInput.FromFile(Corpus.PathOf("vex", "openvex_go-vex_v0.2.0.json")));

        Assert.All(batch.Vex(), v => Assert.Equal(new NodeRef(NodeKind.Image, "sha256:124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126"), v.Product));
        Assert.All(batch.Vex(), v => Assert.Equal(["pkg:apk/alpine/libssl3@3.0.8-r3", "pkg:apk/alpine/libcrypto3@3.0.8-r3"], v.Claim.Subcomponents));
    }

    private static string ExpectedFormat(string path) => path switch
    {
        _ when path.EndsWith(".yaml", StringComparison.Ordinal) => "OSV-YAML",
        _ when path.StartsWith("osv/", StringComparison.Ordinal) || path.EndsWith(".osv.json", StringComparison.Ordinal) => "OSV-JSON",
        _ when path.Contains("csaf", StringComparison.OrdinalIgnoreCase) && !path.EndsWith("openvex.json", StringComparison.Ordinal) => "CSAF-JSON",
        _ when path.Contains("openvex", StringComparison.Ordinal) || path.Contains("open-vex", StringComparison.Ordinal) => "OpenVEX-JSON",
        _ when path.EndsWith(".xml", StringComparison.Ordinal) => "CycloneDX-XML",
        _ => "CycloneDX-JSON",
    };
}
