using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Versions;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>Keeps the package versions a vers range contains, decided by the ecosystem's own ordering.</summary>
internal static class RangeFilter
{
    public sealed record Result(IReadOnlyList<int> Nodes, string? Error);

    public static Result Apply(GraphIndex index, IReadOnlyList<int> candidates, string range)
    {
        if (!range.StartsWith("vers:", StringComparison.OrdinalIgnoreCase))
        {
            return new Result([], $"'{range}' is not a vers range (vers:<scheme>/<constraints>)");
        }

        var kept = new List<int>();
        foreach (var node in candidates)
        {
            if (!Purl.TryParse(index.KeyOf(node), out var purl, out _) || purl.Version is null)
            {
                continue;
            }

            var qualifiers = purl.Qualifiers.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
            var claim = new AffectedClaim
            {
                Ecosystem = VersionSchemes.EcosystemOfPurl(purl.Type, purl.Namespace, qualifiers) ?? purl.Type,
                VersRanges = [range],
            };
            var verdict = AffectedMatcher.Evaluate(claim, purl.Version);
            if (verdict.Outcome == MatchOutcome.Unusable)
            {
                return new Result([], $"{index.KeyOf(node)}: {verdict.Explanation}");
            }

            if (verdict.Outcome == MatchOutcome.Affected)
            {
                kept.Add(node);
            }
        }

        return new Result(kept, null);
    }
}
