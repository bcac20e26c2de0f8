using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

/// <summary>Theories over Fixtures/CycloneDxXml: every file in valid/ reads, every file in invalid/ is rejected where its .expected.txt says.</summary>
public sealed class CycloneDxXmlFixtureTests
{
    public static TheoryData<string> ValidFixtures() => Enumerate("valid");

    public static TheoryData<string> InvalidFixtures() => Enumerate("invalid");

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void Read_ValidFixture_ProducesConnectedBatch(string name)
    {
        var reader = new CycloneDxXmlReader();
        var input = CdxTestInput.FromFile(XmlFixturePath("valid", name));

        Assert.True(reader.CanRead(input));
        Assert.False(new CycloneDxJsonReader().CanRead(input));
        var batch = reader.Read(input);

        Assert.Equal("CycloneDX-XML", batch.Document.Format);
        var forward = batch.Edges.ToLookup(e => e.From, e => e.To);
        var reachable = new HashSet<NodeRef> { batch.Document.NodeRef };
        var pending = new Stack<NodeRef>([batch.Document.NodeRef]);
        while (pending.TryPop(out var node))
        {
            foreach (var next in forward[node].Where(reachable.Add))
            {
                pending.Push(next);
            }
        }

        Assert.All(batch.Nodes.Where(n => n.Kind is NodeKind.PackageVersion or NodeKind.Image), n => Assert.Contains(n.Ref, reachable));
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Read_InvalidFixture_RejectedAtExpectedLocation(string name)
    {
        var path = XmlFixturePath("invalid", name);
        var expected = File.ReadAllLines(Path.ChangeExtension(path, ".expected.txt"));

        var error = Assert.Throws<DocumentRejectedException>(() => new CycloneDxXmlReader().Read(CdxTestInput.FromFile(path)));

        // Line 1: the location; line 2 (optional): a phrase the reason must contain.
        Assert.Equal(expected[0].Trim(), error.Location);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        if (expected.Length > 1 && expected[1].Trim() is { Length: > 0 } phrase)
        {
            Assert.Contains(phrase, error.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void InvalidFixtures_EachHasExpectedLocation()
    {
        Assert.All(
            Directory.EnumerateFiles(XmlFixturePath("invalid"), "*.xml"),
            f => Assert.True(File.Exists(Path.ChangeExtension(f, ".expected.txt")), $"{Path.GetFileName(f)} has no .expected.txt"));
    }

    internal static string XmlFixturePath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", "CycloneDxXml", .. parts]);

    private static TheoryData<string> Enumerate(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(XmlFixturePath(folder), "*.xml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}
