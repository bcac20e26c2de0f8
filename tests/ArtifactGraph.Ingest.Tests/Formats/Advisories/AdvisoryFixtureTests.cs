using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.Advisories;

/// <summary>
/// Theories over Fixtures/{Osv,Csaf,OpenVex,CycloneDxVex}: each valid file is claimed by its format's reader (sniffed
/// among all readers) and reads into a consistent batch; each invalid file is claimed by it too and rejected at the
/// location its .expected.txt names.
/// </summary>
public sealed class AdvisoryFixtureTests
{
    private static readonly string[] Folders = ["Osv", "Csaf", "OpenVex", "CycloneDxVex"];

    public static TheoryData<string, string> ValidFixtures() => Enumerate("valid");

    public static TheoryData<string, string> InvalidFixtures() => Enumerate("invalid");

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void Read_ValidFixture_SniffedAndClaimsConsistent(string folder, string name)
    {
        var input = CdxTestInput.FromFile(AdvisoryTestInput.FixturePath(folder, "valid", name));

        var reader = AdvisoryTestInput.Sniff(input);
        Assert.Equal(ExpectedFormat(folder, name), reader?.Format);
        var batch = reader!.Read(input);

        var nodes = batch.Nodes.Select(n => n.Ref).ToHashSet();
        Assert.All(batch.Claims, c =>
        {
            Assert.Contains(c.Subject, nodes);
            Assert.Contains(new NodeRef(NodeKind.Vulnerability, c.Vulnerability), nodes);
            _ = c.Kind == ClaimKind.Affected ? (object)ClaimJson.ReadAffected(c.Payload) : ClaimJson.ReadVex(c.Payload);
        });
        Assert.All(batch.Nodes.Where(n => n.Kind == NodeKind.Vulnerability), n => Assert.Equal(n.Key.Trim().ToUpperInvariant(), n.Key));
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Read_InvalidFixture_RejectedAtExpectedLocation(string folder, string name)
    {
        var path = AdvisoryTestInput.FixturePath(folder, "invalid", name);
        var expected = File.ReadAllText(Path.ChangeExtension(path, ".expected.txt")).Trim();
        var input = CdxTestInput.FromFile(path);

        var reader = AdvisoryTestInput.Sniff(input);
        Assert.Equal(ExpectedFormat(folder, name), reader?.Format);
        var error = Assert.Throws<DocumentRejectedException>(() => reader!.Read(input));

        Assert.Equal(expected, error.Location);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void InvalidFixtures_EachHasExpectedLocation()
    {
        Assert.All(
            Folders.SelectMany(f => Directory.EnumerateFiles(AdvisoryTestInput.FixturePath(f, "invalid")).Where(p => !p.EndsWith(".expected.txt", StringComparison.Ordinal))),
            f => Assert.True(File.Exists(Path.ChangeExtension(f, ".expected.txt")), $"{Path.GetFileName(f)} has no .expected.txt"));
    }

    private static string ExpectedFormat(string folder, string name) => (folder, Path.GetExtension(name)) switch
    {
        ("Osv", ".yaml") => "OSV-YAML",
        ("Osv", _) => "OSV-JSON",
        ("Csaf", _) => "CSAF-JSON",
        ("OpenVex", _) => "OpenVEX-JSON",
        ("CycloneDxVex", ".xml") => "CycloneDX-XML",
        _ => "CycloneDX-JSON",
    };

    private static TheoryData<string, string> Enumerate(string kind)
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Folders)
        {
            foreach (var file in Directory.EnumerateFiles(AdvisoryTestInput.FixturePath(folder, kind)).Where(p => !p.EndsWith(".expected.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(folder, Path.GetFileName(file));
            }
        }

        return data;
    }
}
