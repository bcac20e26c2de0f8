using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Formats.Spdx3;
using ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.Spdx3;

/// <summary>Theories over Fixtures/Spdx3: every file in valid/ reads connected, every file in invalid/ is rejected where its .expected.txt says.</summary>
public sealed class Spdx3FixtureTests
{
    public static TheoryData<string> ValidFixtures() => Enumerate("valid");

    public static TheoryData<string> InvalidFixtures() => Enumerate("invalid");

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void Read_ValidFixture_ProducesConnectedBatch(string name)
    {
        var reader = new Spdx3JsonLdReader();
        var input = CdxTestInput.FromFile(Spdx3TestInput.FixturePath("valid", name));

        Assert.True(reader.CanRead(input));
        var batch = reader.Read(input);

        Assert.Equal("SPDX-3-JSONLD", batch.Document.Format);
        var reachable = Reachable(batch);
        Assert.All(batch.Nodes.Where(n => n.Kind is NodeKind.PackageVersion or NodeKind.Image), n => Assert.Contains(n.Ref, reachable));
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Read_InvalidFixture_RejectedAtExpectedLocation(string name)
    {
        var path = Spdx3TestInput.FixturePath("invalid", name);
        var expected = File.ReadAllText(Path.ChangeExtension(path, ".expected.txt")).Trim();

        var error = Assert.Throws<DocumentRejectedException>(() => new Spdx3JsonLdReader().Read(CdxTestInput.FromFile(path)));

        Assert.Equal(expected, error.Location);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void InvalidFixtures_EachHasExpectedLocation()
    {
        Assert.All(
            Directory.EnumerateFiles(Spdx3TestInput.FixturePath("invalid"), "*.json"),
            f => Assert.True(File.Exists(Path.ChangeExtension(f, ".expected.txt")), $"{Path.GetFileName(f)} has no .expected.txt"));
    }

    internal static HashSet<NodeRef> Reachable(Core.Ingestion.IngestBatch batch)
    {
        var forward = batch.Edges.ToLookup(e => e.From, e => e.To);
        var seen = new HashSet<NodeRef> { batch.Document.NodeRef };
        var pending = new Stack<NodeRef>([batch.Document.NodeRef]);
        while (pending.TryPop(out var node))
        {
            foreach (var next in forward[node].Where(seen.Add))
            {
                pending.Push(next);
            }
        }

        return seen;
    }

    private static TheoryData<string> Enumerate(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Spdx3TestInput.FixturePath(folder), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}
