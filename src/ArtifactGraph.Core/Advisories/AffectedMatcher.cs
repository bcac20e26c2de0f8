using ArtifactGraph.Core.Versions;

namespace ArtifactGraph.Core.Advisories;

/// <summary>Whether a version lies in what an advisory says is affected, and why.</summary>
public static class AffectedMatcher
{
    /// <summary>
    /// Decides whether <paramref name="version"/> of the claim's package is affected. Explanation names
    /// the range or list that matched (or why nothing could be decided: <see cref="MatchOutcome.Unusable"/>).
    /// </summary>
    public static MatchVerdict Evaluate(AffectedClaim claim, string version)
    {
        // PLACEHOLDER until Core/Versions lands: explicit versions and all-versions only.
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.AllVersions)
        {
            return new MatchVerdict(MatchOutcome.Affected, "every version");
        }

        return claim.Versions.Contains(version, StringComparer.Ordinal)
            ? new MatchVerdict(MatchOutcome.Affected, $"listed version {version}")
            : new MatchVerdict(MatchOutcome.NotAffected, "not listed");
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
