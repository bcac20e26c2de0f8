namespace ArtifactGraph.Bench;

/// <summary>Scratch files and folders under the system temp folder, named so concurrent runs never collide.</summary>
internal static class Scratch
{
    public static string NewDirectory(string what)
    {
        var path = Path.Combine(Path.GetTempPath(), $"agbench-{Environment.ProcessId}-{what}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static string NewFile(string name) => Path.Combine(NewDirectory("db"), name);

    /// <summary>Deletes a SQLite file with its -wal and -shm companions.</summary>
    public static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
