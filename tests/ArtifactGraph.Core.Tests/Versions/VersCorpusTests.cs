namespace ArtifactGraph.Core.Tests.Versions;

/// <summary>
/// Every case of the versions corpus (vers-spec tests, univers vectors, rpmvercmp.at, OpenSSL sort), one
/// test per file reporting every failing case. Deliberate divergences are pinned in <see cref="VersCorpusDivergences"/>.
/// </summary>
public sealed class VersCorpusTests
{
    public static TheoryData<string> Files() => [.. VersCorpusCase.Files];

    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFile_EveryCase_MeetsExpectation(string file)
    {
        var failures = VersCorpusCase.Load(file)
            .Where(c => VersCorpusDivergences.ReasonFor(c) is null)
            .Select(VersCorpusCaseRunner.Failure)
            .OfType<string>()
            .ToList();

        Assert.True(failures.Count == 0, $"{failures.Count} failing:\n" + string.Join('\n', failures));
    }

    /// <summary>Fails when a listed divergence starts conforming, so the list cannot go stale.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFile_KnownDivergences_StillDiverge(string file)
    {
        var stale = VersCorpusCase.Load(file)
            .Where(c => VersCorpusDivergences.ReasonFor(c) is not null && VersCorpusCaseRunner.Failure(c) is null)
            .Select(c => c.Id + " " + c.InputText)
            .ToList();

        Assert.True(stale.Count == 0, "now conform; remove from VersCorpusDivergences:\n" + string.Join('\n', stale));
    }

    [Fact]
    public void Corpus_Enumerated_HoldsEveryCase()
    {
        var vers = VersCorpusCase.Files.Where(f => f.StartsWith("vers-spec/", StringComparison.Ordinal)).Sum(f => VersCorpusCase.Load(f).Count);

        // 2,701 vers-spec cases at the pinned corpus commit; fewer means files went missing.
        Assert.True(vers >= 2701, $"only {vers} vers-spec cases found");
        Assert.True(VersCorpusCase.Files.Count >= 25, $"only {VersCorpusCase.Files.Count} files found");
    }

    [Fact]
    public void Divergences_EachListed_MatchesACorpusCase()
    {
        var matched = VersCorpusCase.Files.SelectMany(VersCorpusCase.Load).Select(VersCorpusDivergences.ReasonFor).OfType<string>().Distinct().Count();

        Assert.Equal(VersCorpusDivergences.Count, matched);
    }
}
