using System.Text.Json;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Cli.Tests;

/// <summary>
/// Every CycloneDX JSON document in the shared corpus through the real CLI into one SQLite store, then
/// answers compared with what the files themselves say. Expected answers are computed here from the raw
/// JSON, independently of the reader.
/// </summary>
public sealed class CorpusIngestTests : IClassFixture<CorpusIngestTests.IngestedCorpus>
{
    private readonly IngestedCorpus _corpus;

    public CorpusIngestTests(IngestedCorpus corpus) => _corpus = corpus;

    /// <summary>The whole corpus ingested once for the class.</summary>
    public sealed class IngestedCorpus : IDisposable
    {
        public IngestedCorpus()
        {
            Files = Corpus.Files(".", "*.json").Where(IsCycloneDx).ToList();
            Result = Cli.Json(["ingest", .. Files]);
        }

        public CliRunner Cli { get; } = new();

        public List<string> Files { get; }

        public JsonElement Result { get; }

        public void Dispose() => Cli.Dispose();

        private static bool IsCycloneDx(string path)
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
                return doc.RootElement.ValueKind == JsonValueKind.Object
                    && doc.RootElement.TryGetProperty("bomFormat", out var format)
                    && format.ValueKind == JsonValueKind.String;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }

    private static bool ExpectedInvalid(string path) =>
        Path.GetFileName(path).StartsWith("spec-invalid-", StringComparison.Ordinal) || Path.GetFileName(path) == "invalid-cyclonedx.json";

    [Fact]
    public void Ingest_Corpus_AcceptsValidRejectsInvalid()
    {
        Assert.True(_corpus.Files.Count > 40, $"only {_corpus.Files.Count} CycloneDX files found in the corpus");
        foreach (var file in _corpus.Result.GetProperty("files").EnumerateArray())
        {
            var source = file.GetProperty("source").GetString()!;
            var outcome = file.GetProperty("outcome").GetString();
            var expected = ExpectedInvalid(source) ? "rejected" : "ingested";

            // Identical bytes under two names are one document: the second is "unchanged", never rejected.
            Assert.True(outcome == expected || (expected == "ingested" && outcome == "unchanged"), $"{source}: {outcome}, expected {expected} ({file})");
        }
    }

    [Fact]
    public void Dependents_VersionlessPurlSharedByImages_FindsExactlyTheImagesWhoseSbomListsIt()
    {
        var imagesByPackage = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var path in _corpus.Files.Where(f => !ExpectedInvalid(f)))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (!root.TryGetProperty("metadata", out var metadata) || !metadata.TryGetProperty("component", out var subject)
                || subject.GetProperty("type").GetString() != "container"
                || !subject.TryGetProperty("version", out var version) || version.GetString() is not { } digest || !digest.StartsWith("sha256:", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var purl in Purls(root))
            {
                if (Purl.TryParse(purl, out var parsed, out _))
                {
                    imagesByPackage.TryAdd(parsed.PackageKey, new SortedSet<string>(StringComparer.Ordinal));
                    imagesByPackage[parsed.PackageKey].Add(digest);
                }
            }
        }

        var shared = imagesByPackage.Where(p => p.Value.Count >= 2).ToList();
        Assert.NotEmpty(shared);
        foreach (var (package, expected) in shared)
        {
            var result = _corpus.Cli.Json("dependents", package);
            var images = result.GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("kind").GetString() == "Image")
                .Select(r => r.GetProperty("id").GetString()!)
                .Where(id => id.StartsWith("sha256:", StringComparison.Ordinal))
                .ToHashSet();
            Assert.True(expected.SetEquals(images), $"{package}: expected {string.Join(", ", expected)}; got {string.Join(", ", images)}");
        }
    }

    [Fact]
    public void Stats_AfterCorpus_DocumentCountMatchesDistinctAcceptedFiles()
    {
        var distinct = _corpus.Files.Where(f => !ExpectedInvalid(f))
            .Select(f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            .Distinct()
            .Count();

        Assert.Equal(distinct, _corpus.Cli.Json("stats").GetProperty("documents").GetInt32());
    }

    private static IEnumerable<string> Purls(JsonElement root)
    {
        if (!root.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        var stack = new Stack<JsonElement>(components.EnumerateArray());
        while (stack.Count > 0)
        {
            var component = stack.Pop();
            if (component.TryGetProperty("purl", out var purl) && purl.ValueKind == JsonValueKind.String)
            {
                yield return purl.GetString()!;
            }

            if (component.TryGetProperty("components", out var nested) && nested.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in nested.EnumerateArray())
                {
                    stack.Push(child);
                }
            }
        }
    }
}
