using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Versions;

namespace ArtifactGraph.Core.Advisories;

/// <summary>A package version an advisory covers: the claim, and the range or list that matched.</summary>
public sealed record AffectedMatch(AffectedEntry Entry, string Explanation, string? FixedVersion);

/// <summary>A PackageVersion node and every claim that covers it.</summary>
public sealed record AffectedVersion(int Node, string Version, IReadOnlyList<AffectedMatch> Matches);

/// <summary>A claim that could not be evaluated for a version (unparsable range or version), reported rather than guessed.</summary>
public sealed record UnusableClaim(AffectedEntry Entry, string Version, string Reason);

/// <summary>
/// The matcher (computed AFFECTS edges): for each claim, the versions of its Package the snapshot knows
/// (reverse VERSION_OF), each decided by <see cref="AffectedMatcher"/> with the ecosystem's own ordering.
/// Distro packages match only their distro release's advisories when both name one.
/// </summary>
public static class AffectedVersions
{
    public sealed record Result(IReadOnlyList<AffectedVersion> Affected, IReadOnlyList<UnusableClaim> Unusable);

    public static Result Find(GraphIndex index, IReadOnlyList<AffectedEntry> entries)
    {
        var byNode = new Dictionary<int, (string Key, string Version, List<AffectedMatch> Matches)>();
        var unusable = new List<UnusableClaim>();
        foreach (var entry in entries)
        {
            if (!index.TryFind(NodeKind.Package, entry.Package.Key, out var package))
            {
                continue;
            }

            var incoming = index.Incoming(package);
            for (var i = 0; i < incoming.Count; i++)
            {
                if (incoming.Kind(i) != EdgeKind.VersionOf)
                {
                    continue;
                }

                var node = incoming.Target(i);
                var key = index.KeyOf(node);
                if (!Purl.TryParse(key, out var purl, out _) || purl.Version is null || !SameRelease(entry.Claim.Ecosystem, purl))
                {
                    continue;
                }

                var verdict = AffectedMatcher.Evaluate(entry.Claim, purl.Version);
                switch (verdict.Outcome)
                {
                    case MatchOutcome.Affected:
                        if (!byNode.TryGetValue(node, out var found))
                        {
                            byNode[node] = found = (key, purl.Version, []);
                        }

                        found.Matches.Add(new AffectedMatch(entry, verdict.Explanation, FixedVersionFor(entry.Claim, purl.Version)));
                        break;
                    case MatchOutcome.Unusable:
                        unusable.Add(new UnusableClaim(entry, purl.Version, verdict.Explanation));
                        break;
                }
            }
        }

        var affected = byNode.OrderBy(p => p.Value.Key, StringComparer.Ordinal)
            .Select(p => new AffectedVersion(p.Key, p.Value.Version, p.Value.Matches))
            .ToList();
        return new Result(affected, unusable);
    }

    /// <summary>The lowest fixed version above the installed one, in the ecosystem's order; null when none is named.</summary>
    public static string? FixedVersionFor(AffectedClaim claim, string installed)
    {
        // Named fixes first, then the ranges' fixed events, each once: in loops, as every affected version of every
        // answer asks (the LINQ form was a tenth of matching an advisory).
        var candidates = new List<string>();
        foreach (var value in claim.Fixed)
        {
            AddCandidate(candidates, value);
        }

        foreach (var range in claim.Ranges)
        {
            foreach (var e in range.Events)
            {
                if (e.Kind == "fixed")
                {
                    AddCandidate(candidates, e.Value);
                }
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var scheme = VersionSchemes.ForEcosystem(claim.Ecosystem);
        if (!scheme.IsValid(installed))
        {
            return candidates[0];
        }

        string? lowest = null;
        foreach (var candidate in candidates)
        {
            if (scheme.IsValid(candidate) && scheme.Compare(candidate, installed) > 0 && (lowest is null || scheme.Compare(candidate, lowest) < 0))
            {
                lowest = candidate;
            }
        }

        return lowest;
    }

    private static void AddCandidate(List<string> candidates, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !candidates.Contains(value))
        {
            candidates.Add(value);
        }
    }

    /// <summary>
    /// "Debian:11" advisories are about Debian 11's packages: a package whose purl names another release
    /// (distro qualifier) is not matched. When either side names no release, they match.
    /// </summary>
    private static bool SameRelease(string ecosystem, Purl purl)
    {
        if (!ecosystem.Contains(':', StringComparison.Ordinal))
        {
            return true;
        }

        var qualifiers = purl.Qualifiers.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
        var packageEcosystem = VersionSchemes.EcosystemOfPurl(purl.Type, purl.Namespace, qualifiers);
        return packageEcosystem is null || !packageEcosystem.Contains(':', StringComparison.Ordinal)
            || string.Equals(packageEcosystem, ecosystem, StringComparison.OrdinalIgnoreCase);
    }
}
