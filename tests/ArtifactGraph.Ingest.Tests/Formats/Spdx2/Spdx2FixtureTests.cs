using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Formats.Spdx2;

namespace ArtifactGraph.Ingest.Tests.Formats.Spdx2;

/// <summary>
/// Theories over Fixtures/Spdx2/&lt;syntax&gt;/{valid,invalid}: every valid file is claimed by exactly its syntax's
/// reader and reads into a connected batch; every invalid file is rejected where its .expected.txt says.
/// </summary>
public sealed class Spdx2FixtureTests
{
    private static readonly Dictionary<string, IDocumentReader> BySyntax = new()
    {
        ["json"] = new Spdx2JsonReader(),
        ["tagvalue"] = new Spdx2TagValueReader(),
        ["yaml"] = new Spdx2YamlReader(),
    };

    public static TheoryData<string, string> ValidFixtures() => Enumerate("valid");

    public static TheoryData<string, string> InvalidFixtures() => Enumerate("invalid");

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void Read_ValidFixture_ClaimedByItsReaderAndConnected(string syntax, string name)
    {
        var input = Spdx2TestInput.FromFile(Spdx2TestInput.FixturePath(syntax, "valid", name));

        Assert.Equal(BySyntax[syntax].Format, Spdx2TestInput.ReaderFor(input).Format);
        var batch = BySyntax[syntax].Read(input);

        Assert.Equal(BySyntax[syntax].Format, batch.Document.Format);
        Assert.NotNull(batch.Document.Subject);
        var nodes = batch.Nodes.Select(n => n.Ref).ToHashSet();
        Assert.All(batch.Edges, e => Assert.True(nodes.Contains(e.From) && nodes.Contains(e.To)));
        var reachable = batch.ReachableFromDocument();
        Assert.All(batch.Nodes.Where(n => n.Kind is NodeKind.PackageVersion or NodeKind.Image or NodeKind.Artifact), n => Assert.Contains(n.Ref, reachable));
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Read_InvalidFixture_RejectedAtExpectedLocation(string syntax, string name)
    {
        var path = Spdx2TestInput.FixturePath(syntax, "invalid", name);
        var expected = File.ReadAllText(Path.ChangeExtension(path, ".expected.txt")).Trim();

        var error = Assert.Throws<DocumentRejectedException>(() => BySyntax[syntax].Read(Spdx2TestInput.FromFile(path)));

        Assert.Equal(expected, error.Location);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void InvalidFixtures_EachHasExpectedLocation()
    {
        foreach (var syntax in BySyntax.Keys)
        {
            Assert.All(
                Directory.EnumerateFiles(Spdx2TestInput.FixturePath(syntax, "invalid")).Where(f => !f.EndsWith(".expected.txt", StringComparison.Ordinal)),
                f => Assert.True(File.Exists(Path.ChangeExtension(f, ".expected.txt")), $"{Path.GetFileName(f)} has no .expected.txt"));
        }
    }

    private static TheoryData<string, string> Enumerate(string folder)
    {
        var data = new TheoryData<string, string>();
        foreach (var syntax in BySyntax.Keys)
        {
            foreach (var file in Directory.EnumerateFiles(Spdx2TestInput.FixturePath(syntax, folder))
                .Where(f => !f.EndsWith(".expected.txt", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal))
            {
                data.Add(syntax, Path.GetFileName(file));
            }
        }

        return data;
    }
}
