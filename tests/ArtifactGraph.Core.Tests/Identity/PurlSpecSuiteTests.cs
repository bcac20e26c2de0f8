using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Core.Tests.Identity;

/// <summary>
/// Every case of the package-url corpus (tests/**/*.json and the legacy test-suite-data.json),
/// enumerated from the folder. Cases the corpus contradicts itself on are listed in
/// <see cref="PurlSpecDivergences"/> with the reason and pinned the other way round.
/// </summary>
public sealed class PurlSpecSuiteTests
{
    public static TheoryData<string> ConformingCases() =>
        [.. PurlSpecCase.All.Values.Where(c => PurlSpecDivergences.ReasonFor(c) is null).Select(c => c.Id)];

    public static TheoryData<string> DivergentCases() =>
        [.. PurlSpecCase.All.Values.Where(c => PurlSpecDivergences.ReasonFor(c) is not null).Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(ConformingCases))]
    public void SpecCase_FromCorpus_MeetsExpectation(string id)
    {
        var failure = PurlSpecCaseRunner.Failure(PurlSpecCase.All[id]);

        Assert.True(failure is null, failure);
    }

    /// <summary>Fails when a listed divergence starts conforming, so the list cannot go stale.</summary>
    [Theory]
    [MemberData(nameof(DivergentCases))]
    public void SpecCase_KnownDivergence_StillDiverges(string id)
    {
        var c = PurlSpecCase.All[id];

        Assert.True(PurlSpecCaseRunner.Failure(c) is not null, $"now conforms; remove it from PurlSpecDivergences ({PurlSpecDivergences.ReasonFor(c)})");
    }

    [Fact]
    public void Corpus_Enumerated_HoldsEveryCase()
    {
        // 586 cases in tests/** and 59 legacy rows at the pinned corpus commit; fewer means files went missing.
        Assert.True(PurlSpecCase.All.Count >= 645, $"only {PurlSpecCase.All.Count} cases found");
    }

    [Fact]
    public void Divergences_EachListed_MatchesACorpusCase()
    {
        var matched = PurlSpecCase.All.Values.Select(PurlSpecDivergences.ReasonFor).OfType<string>().Distinct().Count();

        Assert.Equal(PurlSpecDivergences.Count, matched);
    }

    [Fact]
    public void Parse_UpperCaseQualifierKey_LowerCasesIt()
    {
        Assert.Equal("pkg:gem/jruby-launcher@1.1.2?platform=java", Purl.Parse("pkg:gem/jruby-launcher@1.1.2?Platform=java").ToString());
    }
}
