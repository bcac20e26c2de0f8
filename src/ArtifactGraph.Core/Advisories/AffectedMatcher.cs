using ArtifactGraph.Core.Versions;

namespace ArtifactGraph.Core.Advisories;

/// <summary>Whether a version lies in what an advisory says is affected, and why.</summary>
public static class AffectedMatcher
{
    /// <summary>
    /// Decides whether <paramref name="version"/> of the claim's package is affected: every version, a
    /// listed version, inside an OSV SEMVER/ECOSYSTEM range (ordered by the ecosystem's scheme) or inside a
    /// vers range. GIT ranges name commits and are skipped. When the answer depends on a bound or a
    /// version the scheme cannot read, the outcome is <see cref="MatchOutcome.Unusable"/> with the reason.
    /// </summary>
    public static MatchVerdict Evaluate(AffectedClaim claim, string version)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(version);
        if (claim.AllVersions)
        {
            return new MatchVerdict(MatchOutcome.Affected, "every version is affected");
        }

        var scheme = VersionSchemes.ForEcosystem(claim.Ecosystem);
        var ordering = scheme.IsGeneric ? $" (generic ordering: no version scheme known for '{claim.Ecosystem}')" : "";
        if (claim.Versions.Contains(version, StringComparer.Ordinal))
        {
            return new MatchVerdict(MatchOutcome.Affected, $"{version} is listed as affected");
        }

        var orderable = claim.Ranges.Count(r => r.Type is not "GIT");
        if (orderable == 0 && claim.Versions.Count == 0 && claim.VersRanges.Count == 0)
        {
            return claim.Ranges.Count > 0
                ? new MatchVerdict(MatchOutcome.Unusable, "only GIT ranges (commits), which cannot be compared with a package version, and no version list")
                : new MatchVerdict(MatchOutcome.Unusable, "the claim names no versions, ranges or vers ranges");
        }

        var problems = new List<string>();
        var misses = new List<string>();
        var candidateValid = scheme.IsValid(version);
        if (claim.Versions.Count > 0 && candidateValid)
        {
            var equal = claim.Versions.FirstOrDefault(v => scheme.IsValid(v) && scheme.Compare(version, v) == 0);
            if (equal is not null)
            {
                return new MatchVerdict(MatchOutcome.Affected, $"{version} equals listed version {equal}{ordering}");
            }
        }

        if (claim.Versions.Count > 0)
        {
            misses.Add("not in the version list");
        }

        for (var i = 0; i < claim.Ranges.Count; i++)
        {
            var range = claim.Ranges[i];
            if (range.Type == "GIT")
            {
                continue;
            }

            var verdict = EvaluateRange(range, i + 1, range.Type == "SEMVER" ? SemVerScheme.Instance : scheme, version, problems, misses);
            if (verdict is not null)
            {
                return verdict with { Explanation = verdict.Explanation + (range.Type == "SEMVER" ? "" : ordering) };
            }
        }

        foreach (var text in claim.VersRanges)
        {
            if (!VersRange.TryParse(text, strict: false, out var vers, out var error))
            {
                problems.Add($"vers range {text}: {error}");
                continue;
            }

            if (!vers!.VersionScheme.IsValid(version))
            {
                problems.Add($"{version} is not a valid {vers.VersionScheme.Name} version for {text}");
                continue;
            }

            if (VersContainment.Explain(vers, version, vers.VersionScheme) is { } why)
            {
                return new MatchVerdict(MatchOutcome.Affected, $"{version} in {vers} ({why})");
            }

            misses.Add($"not in {vers}");
        }

        if (problems.Count > 0)
        {
            return new MatchVerdict(MatchOutcome.Unusable, string.Join("; ", problems));
        }

        // "2.15.0 is fixed (ECOSYSTEM range 3)" says more than the list of ranges it is outside of.
        // The generic-ordering note only matters where the ecosystem's scheme was used (lists, ECOSYSTEM ranges).
        var fixedMiss = misses.FirstOrDefault(m => m.StartsWith(version + " is fixed", StringComparison.Ordinal));
        var usedEcosystemScheme = claim.Versions.Count > 0 || claim.Ranges.Any(r => r.Type is not ("GIT" or "SEMVER"));
        return new MatchVerdict(MatchOutcome.NotAffected, (fixedMiss ?? $"{version} {string.Join("; ", misses)}") + (usedEcosystemScheme ? ordering : ""));
    }

    private static MatchVerdict? EvaluateRange(OsvRange range, int number, IVersionScheme scheme, string version, List<string> problems, List<string> misses)
    {
        var label = $"{range.Type} range {number}";
        var intervals = OsvRangeEvaluator.Read(range, scheme, out var problem);
        if (intervals is null)
        {
            problems.Add($"{label}: {problem}");
            return null;
        }

        if (!scheme.IsValid(version))
        {
            problems.Add($"{label}: {version} is not a valid {scheme.Name} version");
            return null;
        }

        var notes = intervals.Notes.Count > 0 ? "; " + string.Join("; ", intervals.Notes) : "";
        if (intervals.Matching(version, scheme) is { } hit)
        {
            return new MatchVerdict(MatchOutcome.Affected, $"{version} in {hit} ({label}{notes})");
        }

        if (intervals.Fixes.FirstOrDefault(f => scheme.Compare(version, f) == 0) is { } fix)
        {
            misses.Add($"{version} is fixed ({label}{notes})");
        }
        else
        {
            var written = intervals.Intervals.Count == 0 ? "no interval" : string.Join(", ", intervals.Intervals);
            misses.Add($"not in {written} ({label}{notes})");
        }

        return null;
    }
}

public enum MatchOutcome
{
    NotAffected = 0,
    Affected = 1,

    /// <summary>The claim's ranges cannot be evaluated in its ecosystem (unparsable bounds, unknown scheme for GIT-only ranges).</summary>
    Unusable = 2,
}

public sealed record MatchVerdict(MatchOutcome Outcome, string Explanation);
