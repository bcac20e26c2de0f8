using System.Text.Json;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Cli.Tests;

/// <summary>
/// Every SBOM in the shared corpus (CycloneDX JSON/XML, SPDX 2 JSON/tag-value/YAML, SPDX 3, compressed
/// or not) through the real CLI into one SQLite store, then answers compared with what the files
/// themselves say. What is an SBOM, and expected answers, are decided here from the raw files,
/// independently of the readers.
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
            Files = new[] { "cyclonedx", "spdx2", "spdx3", "guac" }.SelectMany(f => Corpus.Files(f)).Where(IsSbom).ToList();
            Result = Cli.Json(["ingest", .. Files]);
        }

        public CliRunner Cli { get; } = new();

        public List<string> Files { get; }

        public JsonElement Result { get; }

        public void Dispose() => Cli.Dispose();

        /// <summary>SBOMs by what they say of themselves; VEX, CSAF, attestations and the rest are later issues.</summary>
        private static bool IsSbom(string path)
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(".bz2", StringComparison.Ordinal) || name.EndsWith(".zst", StringComparison.Ordinal))
            {
                return name.Contains("cyclonedx", StringComparison.Ordinal) || name.Contains("spdx", StringComparison.Ordinal);
            }

            var text = File.ReadAllText(path);
            var head = text[..Math.Min(text.Length, 4096)];
            return head.Contains("\"bomFormat\"", StringComparison.Ordinal) && !head.Contains("\"vulnerabilities\"", StringComparison.Ordinal) && !name.Contains("vex", StringComparison.Ordinal)
                || head.Contains("\"spdxVersion\"", StringComparison.Ordinal)
                || head.Contains("spdx.org/rdf/3", StringComparison.Ordinal)
                || head.Contains("http://cyclonedx.org/schema/bom", StringComparison.Ordinal) && !name.Contains("vex", StringComparison.Ordinal)
                || head.Contains("SPDXVersion:", StringComparison.Ordinal)
                || head.Contains("spdxVersion:", StringComparison.Ordinal)
                || head.Contains("<spdxVersion>", StringComparison.Ordinal)
                || head.Contains("spdx.org/rdf/terms", StringComparison.Ordinal);
        }
    }

    /// <summary>Invalid by their names (spec-invalid-*, GUAC's invalid-*), or a serialisation not supported (SPDX RDF/XML and XML).</summary>
    private static bool ExpectedInvalid(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("spec-invalid-", StringComparison.Ordinal)
            || name.StartsWith("invalid-", StringComparison.Ordinal)
            || name.EndsWith(".rdf.xml", StringComparison.Ordinal)
            || name.EndsWith(".spdx.xml", StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_Corpus_AcceptsValidRejectsInvalid()
    {
        Assert.True(_corpus.Files.Count > 80, $"only {_corpus.Files.Count} SBOMs found in the corpus");
        Assert.Contains(_corpus.Files, f => f.EndsWith(".spdx", StringComparison.Ordinal));
        Assert.Contains(_corpus.Files, f => f.EndsWith(".yaml", StringComparison.Ordinal));
        Assert.Contains(_corpus.Files, f => f.EndsWith(".zst", StringComparison.Ordinal));
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
    public void Ingest_Corpus_RejectionsNameLocationAndReason()
    {
        var rejected = _corpus.Result.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("outcome").GetString() == "rejected").ToList();

        Assert.NotEmpty(rejected);
        Assert.All(rejected, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("location").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("reason").GetString()));
        });
    }

    [Fact]
    public void Dependents_VersionlessPurlSharedByImages_FindsExactlyTheImagesWhoseSbomListsIt()
    {
        var imagesByPackage = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var path in _corpus.Files.Where(f => !ExpectedInvalid(f) && f.EndsWith(".json", StringComparison.Ordinal) && File.ReadAllText(f).Contains("\"bomFormat\"", StringComparison.Ordinal)))
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

        // Images from other formats (SPDX) may also carry the package; compare within the CycloneDX images counted here.
        var universe = imagesByPackage.Values.SelectMany(v => v).ToHashSet();
        var shared = imagesByPackage.Where(p => p.Value.Count >= 2).ToList();
        Assert.NotEmpty(shared);
        foreach (var (package, expected) in shared)
        {
            var result = _corpus.Cli.Json("dependents", package);
            var images = result.GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("kind").GetString() == "Image")
                .Select(r => r.GetProperty("id").GetString()!)
                .Where(universe.Contains)
                .ToHashSet();
            Assert.True(expected.SetEquals(images), $"{package}: expected {string.Join(", ", expected)}; got {string.Join(", ", images)}");
        }
    }

    [Fact]
    public void Stats_AfterCorpus_DocumentCountMatchesDistinctAcceptedFiles()
    {
        // Compressed files are the same documents as their plain siblings once expanded.
        var distinct = _corpus.Files.Where(f => !ExpectedInvalid(f) && !f.EndsWith(".bz2", StringComparison.Ordinal) && !f.EndsWith(".zst", StringComparison.Ordinal))
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
