using System.Text.Json;

namespace ArtifactGraph.Cli.Tests;

/// <summary>Runs the CLI in-process against a temporary database, capturing stdout and stderr.</summary>
public sealed class CliRunner : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ag-cli-").FullName;

    public string Database => Path.Combine(_dir, "graph.db");

    public string Dir => _dir;

    internal (int Exit, string Out, string Err) Run(params string[] args) => RunWithInput(null, args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input (null: the process's own).</summary>
    internal (int Exit, string Out, string Err) RunWithInput(string? stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var input = stdin is null ? null : new StringReader(stdin);
        var exit = CliApp.Run([.. args, "--db", Database], stdout, stderr, interactive: false, TimeProvider.System, input);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public JsonElement Json(params string[] args)
    {
        var (exit, output, error) = Run([.. args, "--json"]);
        Assert.True(exit is 0 or 1, $"exit {exit}: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    public static string Samples => Path.Combine(TestSupport.Corpus.RepositoryRoot, "ingest", "samples");
}
