using System.Text.Json;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Core.Tests.Identity;

/// <summary>
/// One case of the package-url test corpus: the current per-file format (tests/**/*.json, with
/// test_type parse/build/validate) or a row of the legacy monolithic test-suite-data.json.
/// </summary>
internal sealed record PurlSpecCase(string Id, string File, string TestType, bool ExpectFailure, JsonElement Input, JsonElement Expected)
{
    public const string Legacy = "legacy";

    private static readonly Lazy<IReadOnlyDictionary<string, PurlSpecCase>> AllCases = new(Load);

    public static IReadOnlyDictionary<string, PurlSpecCase> All => AllCases.Value;

    /// <summary>The input as JSON text, for matching a case against the known-divergence list.</summary>
    public string InputText => Input.ValueKind == JsonValueKind.String ? Input.GetString()! : Input.GetRawText();

    private static Dictionary<string, PurlSpecCase> Load()
    {
        var cases = new Dictionary<string, PurlSpecCase>(StringComparer.Ordinal);
        foreach (var path in Corpus.Files(Path.Combine("purl", "tests"), "*.json"))
        {
            var file = Relative(path);
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(path));
            var index = 0;
            foreach (var test in doc.RootElement.GetProperty("tests").EnumerateArray())
            {
                var type = test.GetProperty("test_type").GetString()!;
                var fails = test.TryGetProperty("expected_failure", out var f) && f.GetBoolean();
                var expected = test.TryGetProperty("expected_output", out var e) ? e.Clone() : default;
                var id = $"{file}#{index++} {type}{(fails ? " (must fail)" : string.Empty)}: {test.GetProperty("description").GetString()}";
                cases.Add(id, new PurlSpecCase(id, file, type, fails, test.GetProperty("input").Clone(), expected));
            }
        }

        foreach (var path in Corpus.Files("purl", "*test-suite-data.json"))
        {
            var file = Relative(path);
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(path));
            var index = 0;
            foreach (var row in doc.RootElement.EnumerateArray())
            {
                var fails = row.GetProperty("is_invalid").GetBoolean();
                var id = $"{file}#{index++} legacy{(fails ? " (must fail)" : string.Empty)}: {row.GetProperty("description").GetString()}";
                cases.Add(id, new PurlSpecCase(id, file, Legacy, fails, row.GetProperty("purl").Clone(), row.Clone()));
            }
        }

        return cases;
    }

    private static string Relative(string path) =>
        Path.GetRelativePath(Corpus.PathOf("purl"), path).Replace('\\', '/');
}
