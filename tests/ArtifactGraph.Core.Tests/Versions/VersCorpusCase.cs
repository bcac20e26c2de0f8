using System.Text.Json;
using System.Text.RegularExpressions;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Core.Tests.Versions;

/// <summary>
/// One case of the versions corpus: the vers-spec test files (and univers' Debian vectors, which use the
/// same schema) as they are; univers' npm advisory conversions as from_native cases; rpm's rpmvercmp.at
/// lines as "rpmvercmp" cases; the OpenSSL sort as one "sort" case.
/// </summary>
public sealed record VersCorpusCase(string File, int Index, string TestType, JsonElement Input, JsonElement? Expected, bool ExpectedFailure)
{
    public string Id => $"{File}#{Index}";

    /// <summary>The input as one line of text, for divergence matching and messages.</summary>
    public string InputText =>
        Input.ValueKind == JsonValueKind.String ? Input.GetString()!
        : Input.ValueKind == JsonValueKind.Object && Input.TryGetProperty("native_range", out var native) ? native.GetString()!
        : Input.GetRawText();

    public static IReadOnlyList<string> Files =>
        [.. Corpus.Files(Path.Combine("versions"))
            .Where(f => (f.EndsWith(".json", StringComparison.Ordinal) && !f.Contains("schemas", StringComparison.Ordinal)) || f.EndsWith(".at", StringComparison.Ordinal))
            .Where(f => !f.EndsWith("openssl_all_versions.txt", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Corpus.PathOf("versions"), f).Replace('\\', '/'))];

    public static IReadOnlyList<VersCorpusCase> Load(string file)
    {
        var path = Corpus.PathOf("versions", file);
        return Path.GetFileName(file) switch
        {
            "rpmvercmp.at" => LoadRpm(path, file),
            "npm_advisory.json" => LoadNpmAdvisory(path, file),
            "openssl_versort_expected.json" => LoadOpenSslSort(path, file),
            _ => LoadVersSpec(path, file),
        };
    }

    private static List<VersCorpusCase> LoadVersSpec(string path, string file)
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        var tests = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement : doc.RootElement.GetProperty("tests");
        return [.. tests.EnumerateArray().Select((t, i) => new VersCorpusCase(
            file,
            i,
            t.GetProperty("test_type").GetString()!,
            t.GetProperty("input").Clone(),
            t.TryGetProperty("expected_output", out var e) ? e.Clone() : null,
            t.TryGetProperty("expected_failure", out var f) && f.ValueKind == JsonValueKind.True))];
    }

    private static List<VersCorpusCase> LoadNpmAdvisory(string path, string file)
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        return [.. doc.RootElement.EnumerateArray().Select((t, i) => new VersCorpusCase(
            file,
            i,
            "from_native",
            JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["scheme"] = "npm", ["native_range"] = t.GetProperty("npm_native").GetString()! }),
            t.GetProperty("expected_vers").Clone(),
            false))];
    }

    /// <summary>openssl_all_versions.txt (unsorted) with openssl_versort_expected.json (sorted) as one case.</summary>
    private static List<VersCorpusCase> LoadOpenSslSort(string path, string file)
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        var expected = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("string").GetString()!).ToArray();
        var input = System.IO.File.ReadAllLines(Path.Combine(Path.GetDirectoryName(path)!, "openssl_all_versions.txt"))
            .Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        return [new VersCorpusCase(file, 0, "sort", JsonSerializer.SerializeToElement(new { input_scheme = "openssl", versions = input }), JsonSerializer.SerializeToElement(expected), false)];
    }

    private static List<VersCorpusCase> LoadRpm(string path, string file) =>
        [.. System.IO.File.ReadAllLines(path)
            .Select(l => Regex.Match(l, @"^RPMVERCMP\(([^,]*), ([^,]*), (-?\d)\)$"))
            .Where(m => m.Success)
            .Select((m, i) => new VersCorpusCase(
                file,
                i,
                "rpmvercmp",
                JsonSerializer.SerializeToElement(new[] { m.Groups[1].Value, m.Groups[2].Value }),
                JsonSerializer.SerializeToElement(int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)),
                false))];
}
