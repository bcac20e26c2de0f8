using ArtifactGraph.Ingest.Pipeline;

namespace ArtifactGraph.Ingest.Tests.Pipeline;

public sealed class InputExpanderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ag-expand-").FullName;

    public InputExpanderTests()
    {
        foreach (var file in new[] { "a.json", "b.xml", "sub/c.json", "sub/deeper/d.json", ".hidden.json" })
        {
            var path = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{}");
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private IEnumerable<string> Relative(InputExpander.Expansion e) =>
        e.Files.Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'));

    [Fact]
    public void Expand_Folder_ListsFilesRecursivelySkippingHidden()
    {
        var result = InputExpander.Expand([_root]);

        Assert.Equal(["a.json", "b.xml", "sub/c.json", "sub/deeper/d.json"], Relative(result));
    }

    [Fact]
    public void Expand_StarGlob_MatchesOneFolderLevel()
    {
        var result = InputExpander.Expand([Path.Combine(_root, "*.json")]);

        Assert.Equal(["a.json"], Relative(result));
    }

    [Fact]
    public void Expand_DoubleStarGlob_MatchesAnyDepth()
    {
        var result = InputExpander.Expand([Path.Combine(_root, "**", "*.json")]);

        Assert.Equal(["a.json", "sub/c.json", "sub/deeper/d.json"], Relative(result));
    }

    [Fact]
    public void Expand_SameFileTwice_ListedOnce()
    {
        var file = Path.Combine(_root, "a.json");

        Assert.Single(InputExpander.Expand([file, file, Path.Combine(_root, "a.*")]).Files);
    }

    [Fact]
    public void Expand_Nonexistent_ReportedMissing()
    {
        var result = InputExpander.Expand([Path.Combine(_root, "nope.json"), Path.Combine(_root, "*.yaml")]);

        Assert.Empty(result.Files);
        Assert.Equal(2, result.Missing.Count);
    }
}
