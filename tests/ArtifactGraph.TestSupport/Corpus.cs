namespace ArtifactGraph.TestSupport;

/// <summary>
/// Locates the shared public corpus. CI sets ARTIFACTGRAPH_CORPUS; a missing corpus is a failure,
/// never a silent skip, so a run without it cannot look green.
/// </summary>
public static class Corpus
{
    public static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("ARTIFACTGRAPH_CORPUS");
            var candidates = configured is { Length: > 0 }
                ? new[] { configured }
                : new[] { Path.Combine(RepositoryRoot, "..", "shared", "corpus") };
            foreach (var candidate in candidates)
            {
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }

            throw new DirectoryNotFoundException(
                $"The shared corpus was not found (looked in {string.Join(", ", candidates)}). Set ARTIFACTGRAPH_CORPUS.");
        }
    }

    /// <summary>The repository root: the nearest ancestor of the test binaries holding ArtifactGraph.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArtifactGraph.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new DirectoryNotFoundException("ArtifactGraph.sln not found above the test binaries.");
        }
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Every file under a corpus folder (recursively) whose name matches the pattern.</summary>
    public static IEnumerable<string> Files(string folder, string pattern = "*") =>
        Directory.EnumerateFiles(PathOf(folder), pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);
}
