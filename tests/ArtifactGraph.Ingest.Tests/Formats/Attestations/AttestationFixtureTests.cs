using ArtifactGraph.Core.Graph;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Ingest.Tests.Formats.Attestations;

/// <summary>
/// Theories over Fixtures/Attestations: every file in valid/ reads (through sniffing) with a subject the
/// Document describes; every file in invalid/ is rejected at the location its .expected.txt names.
/// </summary>
public sealed class AttestationFixtureTests
{
    public static TheoryData<string> ValidFixtures() => Enumerate("valid");

    public static TheoryData<string> InvalidFixtures() => Enumerate("invalid");

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void Read_ValidFixture_DescribesItsSubject(string name)
    {
        var (_, batch) = AttestationTestInput.Read(File.ReadAllBytes(PathOf("valid", name)));

        Assert.NotNull(batch.Document.Subject);
        Assert.Contains(batch.Edges, e => e.Kind == EdgeKind.Describes && e.To == batch.Document.Subject);
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Read_InvalidFixture_RejectedAtExpectedLocation(string name)
    {
        var path = PathOf("invalid", name);
        var expected = File.ReadAllText(Path.ChangeExtension(path, ".expected.txt")).Trim();

        var error = Assert.Throws<DocumentRejectedException>(() => AttestationTestInput.Read(File.ReadAllBytes(path)));

        Assert.Equal(expected, error.Location);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void Read_SlsaV0_1Recipe_BuildTypeScpMaterialAndPurlMaterial()
    {
        var (_, batch) = AttestationTestInput.Read(File.ReadAllBytes(PathOf("valid", "slsa-v0.1-recipe.json")));

        Assert.Equal("https://ci.example/recipe@v1", AttestationTestInput.Property(batch, "slsa:buildType"));
        Assert.Equal("build.sh", AttestationTestInput.Property(batch, "slsa:entryPoint"));
        var subject = batch.Document.Subject!.Value;
        Assert.Contains(batch.Edges, e => e.Kind == EdgeKind.BuiltFrom && e.From == subject && e.To.Key == "git+https://github.com/example/tool@2222222222222222222222222222222222222222");
        Assert.Contains(batch.Edges, e => e.Kind == EdgeKind.BuiltFrom && e.From == subject && e.To == new NodeRef(NodeKind.Artifact, "sha256:3333333333333333333333333333333333333333333333333333333333333333"));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 14, 5, TimeSpan.Zero), batch.Document.CreatedAt);
    }

    [Fact]
    public void Read_ScorecardProbeFormat_OutcomesKeptNoAggregateComputed()
    {
        var (_, batch) = AttestationTestInput.Read(File.ReadAllBytes(PathOf("valid", "scorecard-probe-format.json")));

        var card = Assert.Single(batch.Nodes, n => n.Kind == NodeKind.Scorecard);
        Assert.Equal("scorecard:git+https://github.com/example/tool@4444444444444444444444444444444444444444", card.Key);
        Assert.Equal("probe", card.Properties["scorecard:format"]);
        Assert.Equal("True", card.Properties["scorecard:probe:hasLicenseFile"]);
        Assert.Equal("False, NotApplicable", card.Properties["scorecard:probe:fuzzed"]);
        Assert.False(card.Properties.ContainsKey("scorecard:score"));
        Assert.Equal(2, batch.Edges.Count(e => e.Kind == EdgeKind.Scored && e.To == card.Ref));
    }

    [Fact]
    public void Read_JsonLinesOfStatements_OneDocumentBothPredicates()
    {
        var (reader, batch) = AttestationTestInput.Read(File.ReadAllBytes(PathOf("valid", "statement-lines.jsonl")));

        Assert.Equal("in-toto", reader.Format);
        Assert.Equal("2", AttestationTestInput.Property(batch, "intoto:statements"));
        Assert.Equal("https://slsa.dev/provenance/v1", AttestationTestInput.Property(batch, "intoto:predicateType"));
    }

    private static string PathOf(string folder, string name = "") =>
        Path.Combine(Corpus.RepositoryRoot, "tests", "ArtifactGraph.Ingest.Tests", "Fixtures", "Attestations", folder, name);

    private static TheoryData<string> Enumerate(string folder) =>
        new(Directory.EnumerateFiles(PathOf(folder)).Where(f => !f.EndsWith(".expected.txt", StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);
}
