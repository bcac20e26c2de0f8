using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

/// <summary>Theories over the fixture folders: every file in valid/ reads, every file in invalid/ is rejected where its .expected.txt says.</summary>
public sealed class CycloneDxFixtureTests
{
    public static TheoryData<string> ValidFixtures() => Enumerate("valid");

    public static TheoryData<string> InvalidFixtures() => Enumerate("invalid");

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void Read_ValidFixture_ProducesConnectedBatch(string name)
    {
        var reader = new CycloneDxJsonReader();
        var input = CdxTestInput.FromFile(CdxTestInput.FixturePath("valid", name));

        Assert.True(reader.CanRead(input));
        var batch = reader.Read(input);

        Assert.Equal("CycloneDX-JSON", batch.Document.Format);
        var nodes = batch.Nodes.Select(n => n.Ref).ToHashSet();
        Assert.All(batch.Edges, e => Assert.True(nodes.Contains(e.From) && nodes.Contains(e.To)));

        // Nothing dangles: every component node is reachable from the Document node.
        var reachable = Reachable(batch.Document.NodeRef, batch.Edges);
        Assert.All(
            batch.Nodes.Where(n => n.Kind is NodeKind.PackageVersion or NodeKind.Image),
            n => Assert.Contains(n.Ref, reachable));
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Read_InvalidFixture_RejectedAtExpectedLocation(string name)
    {
        var path = CdxTestInput.FixturePath("invalid", name);
        var expected = File.ReadAllText(Path.ChangeExtension(path, ".expected.txt")).Trim();

        var error = Assert.Throws<DocumentRejectedException>(() => new CycloneDxJsonReader().Read(CdxTestInput.FromFile(path)));

        Assert.Equal(expected, error.Location);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        Assert.Contains(error.Reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidFixtures_EachHasExpectedLocation()
    {
        var folder = CdxTestInput.FixturePath("invalid");
        Assert.All(
            Directory.EnumerateFiles(folder, "*.json"),
            f => Assert.True(File.Exists(Path.ChangeExtension(f, ".expected.txt")), $"{Path.GetFileName(f)} has no .expected.txt"));
    }

    private static TheoryData<string> Enumerate(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CdxTestInput.FixturePath(folder), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static HashSet<NodeRef> Reachable(NodeRef start, IEnumerable<Core.Graph.EdgeRecord> edges)
    {
        var forward = edges.ToLookup(e => e.From, e => e.To);
        var seen = new HashSet<NodeRef> { start };
        var pending = new Stack<NodeRef>([start]);
        while (pending.TryPop(out var node))
        {
            foreach (var next in forward[node].Where(seen.Add))
            {
                pending.Push(next);
            }
        }

        return seen;
    }
}
