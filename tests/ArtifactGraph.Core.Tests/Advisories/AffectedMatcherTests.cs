using System.Text.Json;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Core.Tests.Advisories;

public sealed class AffectedMatcherTests
{
    // GHSA-jfh8-c2jp-5v3q (Log4Shell) for org.apache.logging.log4j:log4j-core, as three ranges of one claim.
    private static readonly AffectedClaim Log4jCore = new()
    {
        Ecosystem = "Maven",
        Ranges =
        [
            Range("ECOSYSTEM", ("introduced", "2.0-beta9"), ("fixed", "2.3.1")),
            Range("ECOSYSTEM", ("introduced", "2.4"), ("fixed", "2.12.2")),
            Range("ECOSYSTEM", ("introduced", "2.13.0"), ("fixed", "2.15.0")),
        ],
    };

    [Theory]
    [InlineData("2.8.1", "2.8.1 in [2.4, 2.12.2) (ECOSYSTEM range 2)")]
    [InlineData("2.14.1", "2.14.1 in [2.13.0, 2.15.0) (ECOSYSTEM range 3)")]
    [InlineData("2.0-beta9", "2.0-beta9 in [2.0-beta9, 2.3.1) (ECOSYSTEM range 1)")]
    [InlineData("2.0", "2.0 in [2.0-beta9, 2.3.1) (ECOSYSTEM range 1)")]
    public void Evaluate_Log4jInsideARange_IsAffected(string version, string explanation)
    {
        var verdict = AffectedMatcher.Evaluate(Log4jCore, version);

        Assert.Equal(MatchOutcome.Affected, verdict.Outcome);
        Assert.Equal(explanation, verdict.Explanation);
    }

    [Theory]
    [InlineData("2.15.0", "2.15.0 is fixed (ECOSYSTEM range 3)")]
    [InlineData("2.12.2", "2.12.2 is fixed (ECOSYSTEM range 2)")]
    [InlineData("2.3.1", "2.3.1 is fixed (ECOSYSTEM range 1)")]
    [InlineData("2.17.1", null)]
    [InlineData("2.0-beta8", null)]
    [InlineData("1.2.17", null)]
    public void Evaluate_Log4jOutsideEveryRange_IsNotAffected(string version, string? explanation)
    {
        var verdict = AffectedMatcher.Evaluate(Log4jCore, version);

        Assert.Equal(MatchOutcome.NotAffected, verdict.Outcome);
        if (explanation is not null)
        {
            Assert.Equal(explanation, verdict.Explanation);
        }
        else
        {
            Assert.Contains("not in [2.13.0, 2.15.0) (ECOSYSTEM range 3)", verdict.Explanation, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2.8.1", MatchOutcome.Affected)]
    [InlineData("2.14.1", MatchOutcome.Affected)]
    [InlineData("2.15.0", MatchOutcome.NotAffected)]
    [InlineData("2.12.2", MatchOutcome.NotAffected)]
    [InlineData("2.3.1", MatchOutcome.NotAffected)]
    [InlineData("2.17.1", MatchOutcome.NotAffected)]
    public void Evaluate_CorpusLog4ShellRecord_MatchesTheKnownVerdicts(string version, MatchOutcome expected)
    {
        // The GHSA gives log4j-core three affected entries, each with one range; any of them decides.
        using var doc = JsonDocument.Parse(File.ReadAllText(Corpus.PathOf("osv", "GHSA-jfh8-c2jp-5v3q.json")));
        var claims = doc.RootElement.GetProperty("affected").EnumerateArray()
            .Where(a => a.GetProperty("package").GetProperty("name").GetString() == "org.apache.logging.log4j:log4j-core")
            .Select(ClaimOf)
            .ToList();

        var outcomes = claims.Select(c => AffectedMatcher.Evaluate(c, version).Outcome).ToList();

        Assert.Equal(3, claims.Count);
        Assert.Equal(expected, outcomes.Contains(MatchOutcome.Affected) ? MatchOutcome.Affected : MatchOutcome.NotAffected);
    }

    [Fact]
    public void Evaluate_EmptyFixedEvent_TreatsItAsAbsentAndSaysSo()
    {
        // flatmap-stream in GHSA-mh6f-8j2x-4483: {"introduced": "0"}, {"fixed": ""}.
        var claim = new AffectedClaim { Ecosystem = "npm", Ranges = [Range("ECOSYSTEM", ("introduced", "0"), ("fixed", ""))] };

        var verdict = AffectedMatcher.Evaluate(claim, "0.1.1");

        Assert.Equal(MatchOutcome.Affected, verdict.Outcome);
        Assert.Equal("0.1.1 in [0, ∞) (ECOSYSTEM range 1; empty 'fixed' event ignored)", verdict.Explanation);
    }

    [Theory]
    [InlineData("v1.2.3", MatchOutcome.Affected)]
    [InlineData("1.2.3", MatchOutcome.Affected)]
    [InlineData("v1.4.0", MatchOutcome.NotAffected)]
    [InlineData("v2.0.0+incompatible", MatchOutcome.NotAffected)]
    [InlineData("v1.4.0-rc.1", MatchOutcome.Affected)]
    public void Evaluate_GoWithVPrefix_ComparesAsSemver(string version, MatchOutcome expected)
    {
        var claim = new AffectedClaim { Ecosystem = "Go", Ranges = [Range("SEMVER", ("introduced", "0"), ("fixed", "1.4.0"))] };

        Assert.Equal(expected, AffectedMatcher.Evaluate(claim, version).Outcome);
    }

    [Theory]
    [InlineData("1.0.0", MatchOutcome.Affected)]
    [InlineData("1.0", MatchOutcome.Affected)]
    [InlineData("1.1rc1", MatchOutcome.Affected)]
    [InlineData("1.1.0", MatchOutcome.NotAffected)]
    [InlineData("1.1", MatchOutcome.NotAffected)]
    [InlineData("1.1.post1", MatchOutcome.NotAffected)]
    [InlineData("0.9.dev1", MatchOutcome.NotAffected)]
    public void Evaluate_PyPI_NormalizesVersions(string version, MatchOutcome expected)
    {
        var claim = new AffectedClaim { Ecosystem = "PyPI", Ranges = [Range("ECOSYSTEM", ("introduced", "1.0.0a1"), ("fixed", "1.1.0"))] };

        Assert.Equal(expected, AffectedMatcher.Evaluate(claim, version).Outcome);
    }

    [Theory]
    [InlineData("1:2.0-1", MatchOutcome.Affected)]
    [InlineData("2.0-1", MatchOutcome.NotAffected)]
    [InlineData("1:2.4-1~deb11u1", MatchOutcome.Affected)]
    [InlineData("1:2.4-1", MatchOutcome.NotAffected)]
    [InlineData("2:0.1-1", MatchOutcome.NotAffected)]
    public void Evaluate_DebianWithEpochs_OrdersByEpochFirst(string version, MatchOutcome expected)
    {
        var claim = new AffectedClaim { Ecosystem = "Debian:11", Ranges = [Range("ECOSYSTEM", ("introduced", "1:1.0-1"), ("fixed", "1:2.4-1"))] };

        Assert.Equal(expected, AffectedMatcher.Evaluate(claim, version).Outcome);
    }

    [Fact]
    public void Evaluate_LastAffected_IncludesTheBound()
    {
        var claim = new AffectedClaim { Ecosystem = "npm", Ranges = [Range("SEMVER", ("introduced", "0"), ("last_affected", "4.17.15"))] };

        Assert.Equal(MatchOutcome.Affected, AffectedMatcher.Evaluate(claim, "4.17.15").Outcome);
        Assert.Equal(MatchOutcome.NotAffected, AffectedMatcher.Evaluate(claim, "4.17.16").Outcome);
        Assert.Equal("4.17.15 in [0, 4.17.15] (SEMVER range 1)", AffectedMatcher.Evaluate(claim, "4.17.15").Explanation);
    }

    [Fact]
    public void Evaluate_EventsOutOfOrder_AreSortedFirst()
    {
        var claim = new AffectedClaim { Ecosystem = "npm", Ranges = [Range("SEMVER", ("fixed", "2.0.0"), ("introduced", "1.0.0"), ("fixed", "1.2.0"), ("introduced", "1.5.0"))] };

        Assert.Equal(MatchOutcome.Affected, AffectedMatcher.Evaluate(claim, "1.1.0").Outcome);
        Assert.Equal(MatchOutcome.NotAffected, AffectedMatcher.Evaluate(claim, "1.3.0").Outcome);
        Assert.Equal(MatchOutcome.Affected, AffectedMatcher.Evaluate(claim, "1.9.9").Outcome);
    }

    [Fact]
    public void Evaluate_Limit_EndsTheRange()
    {
        var claim = new AffectedClaim { Ecosystem = "npm", Ranges = [Range("SEMVER", ("introduced", "1.0.0"), ("limit", "3.0.0"))] };

        Assert.Equal(MatchOutcome.Affected, AffectedMatcher.Evaluate(claim, "2.0.0").Outcome);
        Assert.Equal(MatchOutcome.NotAffected, AffectedMatcher.Evaluate(claim, "3.0.0").Outcome);
    }

    [Fact]
    public void Evaluate_UnparsableBound_IsUnusableWithTheReason()
    {
        var claim = new AffectedClaim { Ecosystem = "npm", Ranges = [Range("SEMVER", ("introduced", "0"), ("fixed", "1.2.x-bad"))] };

        var verdict = AffectedMatcher.Evaluate(claim, "1.0.0");

        Assert.Equal(MatchOutcome.Unusable, verdict.Outcome);
        Assert.Contains("'fixed' bound '1.2.x-bad' is not a valid semver version", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnparsableCandidate_IsUnusableWithTheReason()
    {
        var claim = new AffectedClaim { Ecosystem = "PyPI", Ranges = [Range("ECOSYSTEM", ("introduced", "0"), ("fixed", "1.0"))] };

        var verdict = AffectedMatcher.Evaluate(claim, "french toast");

        Assert.Equal(MatchOutcome.Unusable, verdict.Outcome);
        Assert.Contains("french toast is not a valid pep440 version", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RangeWithoutIntroduced_IsUnusable()
    {
        // osv-schema's linter case nointroduced-CVE-2023-41045: a range with only "fixed".
        var claim = new AffectedClaim { Ecosystem = "PyPI", Ranges = [Range("ECOSYSTEM", ("fixed", "1.0"))] };

        var verdict = AffectedMatcher.Evaluate(claim, "0.5");

        Assert.Equal(MatchOutcome.Unusable, verdict.Outcome);
        Assert.Contains("no 'introduced' event", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_GitRangesOnly_IsUnusable()
    {
        var claim = new AffectedClaim { Ecosystem = "GIT", Ranges = [Range("GIT", ("introduced", "0"), ("fixed", "a1b2c3"))] };

        Assert.Equal(MatchOutcome.Unusable, AffectedMatcher.Evaluate(claim, "1.0.0").Outcome);
    }

    [Fact]
    public void Evaluate_GitRangeWithVersionList_UsesTheList()
    {
        var claim = new AffectedClaim { Ecosystem = "PyPI", Ranges = [Range("GIT", ("introduced", "a1b2c3"))], Versions = ["1.0", "1.1"] };

        Assert.Equal(MatchOutcome.Affected, AffectedMatcher.Evaluate(claim, "1.1").Outcome);
        Assert.Equal(MatchOutcome.Affected, AffectedMatcher.Evaluate(claim, "1.1.0").Outcome);
        Assert.Equal(MatchOutcome.NotAffected, AffectedMatcher.Evaluate(claim, "1.2").Outcome);
    }

    [Fact]
    public void Evaluate_VersRange_IsAffectedInside()
    {
        var claim = new AffectedClaim { Ecosystem = "npm", VersRanges = ["vers:npm/>=1.0.0|<2.0.0"] };

        var inside = AffectedMatcher.Evaluate(claim, "1.4.0");

        Assert.Equal(MatchOutcome.Affected, inside.Outcome);
        Assert.Equal("1.4.0 in vers:npm/>=1.0.0|<2.0.0 (>= 1.0.0 and < 2.0.0)", inside.Explanation);
        Assert.Equal(MatchOutcome.NotAffected, AffectedMatcher.Evaluate(claim, "2.0.0").Outcome);
    }

    [Fact]
    public void Evaluate_VersRangeWithoutEcosystem_UsesTheVersSchemeWithoutAGenericNote()
    {
        var claim = new AffectedClaim { Ecosystem = "", VersRanges = ["vers:deb/>=1:1.0|<1:2.0"] };

        var verdict = AffectedMatcher.Evaluate(claim, "2.5");

        Assert.Equal(MatchOutcome.NotAffected, verdict.Outcome);
        Assert.Equal("2.5 not in vers:deb/>=1:1.0|<1:2.0", verdict.Explanation);
    }

    [Fact]
    public void Evaluate_AllVersions_IsAffected()
    {
        Assert.Equal(MatchOutcome.Affected, AffectedMatcher.Evaluate(new AffectedClaim { Ecosystem = "npm", AllVersions = true }, "9.9.9").Outcome);
    }

    [Fact]
    public void Evaluate_UnknownEcosystem_SaysTheOrderingIsGeneric()
    {
        var claim = new AffectedClaim { Ecosystem = "Hackage", Ranges = [Range("ECOSYSTEM", ("introduced", "1.0"), ("fixed", "1.10"))] };

        var verdict = AffectedMatcher.Evaluate(claim, "1.9");

        Assert.Equal(MatchOutcome.Affected, verdict.Outcome);
        Assert.Contains("generic ordering", verdict.Explanation, StringComparison.Ordinal);
    }

    private static OsvRange Range(string type, params (string Kind, string Value)[] events) =>
        new(type, [.. events.Select(e => new OsvEvent(e.Kind, e.Value))]);

    private static AffectedClaim ClaimOf(JsonElement affected) => new()
    {
        Ecosystem = affected.GetProperty("package").GetProperty("ecosystem").GetString()!,
        Ranges = [.. affected.GetProperty("ranges").EnumerateArray().Select(r => new OsvRange(
            r.GetProperty("type").GetString()!,
            [.. r.GetProperty("events").EnumerateArray().SelectMany(e => e.EnumerateObject()).Select(p => new OsvEvent(p.Name, p.Value.GetString()!))]))],
    };
}
