using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Ingest.Tests.Formats.Advisories;

/// <summary>The corpus documents the advisory and VEX readers are answerable for, as paths relative to the corpus root.</summary>
internal static class AdvisoryCorpusFiles
{
    private static readonly string[] GuacVex =
    [
        "guac/exampledata/open-vex-affected.json",
        "guac/exampledata/open-vex-not-affected.json",
        "guac/exampledata/rhsa-csaf.json",
        "guac/exampledata/cyclonedx-unaffected-vex.json",
        "guac/exampledata/cyclonedx-vex-affected.json",
        "guac/exampledata/cyclonedx-vex-false-positive.json",
        "guac/exampledata/cyclonedx-vex-no-analysis.json",
        "guac/exampledata/cyclonedx-vex-resolved-with-pedigree.json",
        "guac/exampledata/cyclonedx-vex.xml",
        "guac/exampledata/xray-cdx-vulns.json",
    ];

    private static readonly string[] CycloneDxVex =
    [
        "cyclonedx/bom-examples_vex.json",
        "cyclonedx/bom-examples_vex-cisa-case8.json",
        "cyclonedx/spec-valid-vulnerability-1.6.json",
    ];

    public static IEnumerable<string> All() =>
        Corpus.Files("osv")
            .Concat(Corpus.Files("vex").Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
            .Concat(Corpus.Files("expected"))
            .Select(f => Path.GetRelativePath(Corpus.Root, f).Replace('\\', '/'))
            .Concat(GuacVex)
            .Concat(CycloneDxVex);

    public static TheoryData<string> Theory()
    {
        var data = new TheoryData<string>();
        foreach (var file in All())
        {
            data.Add(file);
        }

        return data;
    }
}
