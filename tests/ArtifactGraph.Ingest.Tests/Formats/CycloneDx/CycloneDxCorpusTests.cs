using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Formats.CycloneDx;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

/// <summary>Every CycloneDX JSON document in the shared corpus: spec-invalid-* rejected, the rest accepted with the expected counts.</summary>
public sealed class CycloneDxCorpusTests
{
    public static TheoryData<string> CycloneDxFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in AllJsonFiles().Where(f => TryParse(f) is { } root && CorpusExpectations.IsCycloneDx(root)))
        {
            data.Add(Path.GetRelativePath(Corpus.Root, file));
        }

        return data;
    }

    public static TheoryData<string> JsonFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in AllJsonFiles())
        {
            data.Add(Path.GetRelativePath(Corpus.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CycloneDxFiles))]
    public void Read_CorpusDocument_AcceptedWithExpectedCountsOrRejectedWhenSpecInvalid(string relativePath)
    {
        var path = Path.Combine(Corpus.Root, relativePath);
        var reader = new CycloneDxJsonReader();
        var input = CdxTestInput.FromFile(path);

        if (Path.GetFileName(path).StartsWith("spec-invalid-", StringComparison.Ordinal))
        {
            var error = Assert.Throws<DocumentRejectedException>(() => reader.Read(input));
            Assert.False(string.IsNullOrWhiteSpace(error.Reason));
            return;
        }

        var batch = reader.Read(input);
        var (identities, pairs) = CorpusExpectations.Count(TryParse(path)!.Value);
        Assert.Equal(identities, batch.Nodes.Count(n => n.Kind is NodeKind.PackageVersion or NodeKind.Image));
        Assert.Equal(pairs, batch.EdgesOf(EdgeKind.DependsOn).Count());
    }

    [Theory]
    [MemberData(nameof(JsonFiles))]
    public void CanRead_CorpusJson_TrueExactlyForCycloneDx(string relativePath)
    {
        var path = Path.Combine(Corpus.Root, relativePath);
        var expected = TryParse(path) is { } root && CorpusExpectations.IsCycloneDx(root);

        Assert.Equal(expected, new CycloneDxJsonReader().CanRead(CdxTestInput.FromFile(path)));
    }

    [Fact]
    public void Read_GuacInvalidCycloneDx_RejectedForBomFormat()
    {
        // It says bomFormat "CDX" and specVersion "1": not a CycloneDX BOM, and it has no components either.
        var input = CdxTestInput.FromFile(Corpus.PathOf("guac", "exampledata", "invalid-cyclonedx.json"));
        var reader = new CycloneDxJsonReader();

        Assert.False(reader.CanRead(input));
        var error = Assert.Throws<DocumentRejectedException>(() => reader.Read(input));
        Assert.Equal("/bomFormat", error.Location);
    }

    private static IEnumerable<string> AllJsonFiles() =>
        Directory.EnumerateFiles(Corpus.Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static JsonElement? TryParse(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 256 });
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
