using System.Buffers;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>
/// Orders affected deployments for action: environment (production first, configurable), exposure
/// (internet before internal), replicas (more first), severity (higher first), a fixed version to move to
/// (fixable first), then name. Deployment attributes come from inventory properties
/// (<c>deploy:environment</c>, <c>deploy:cluster</c>, <c>live:exposure</c>, <c>live:replicas</c>), kept per
/// snapshot in <see cref="DeploymentFacts"/>, and their order in <see cref="DeploymentPlaces"/>.
/// </summary>
internal static class DeploymentRanking
{
    // A deployment's group key, most significant first (severity is the vulnerability's, the same for all, so it
    // never orders): environment place (12 bits), not internet-facing (1), replicas inverted (20). Whether the
    // affected version has a fix orders within a group, and the name last (DeploymentPlaces).
    private const int ReplicaBits = 20;
    private const int ExposureShift = ReplicaBits;
    private const int EnvironmentShift = ExposureShift + 1;
    private const int EnvironmentMax = (1 << 12) - 1;
    private const int ReplicaMax = (1 << ReplicaBits) - 1;

    public static RankedDeployments Rank(GraphIndex index, NodePropertyReader store, ClosureResult closure, IReadOnlyList<AffectedVersion> affected, IReadOnlyDictionary<string, string> vulnerability, IReadOnlyList<string> environmentOrder)
    {
        var count = closure.CountOf(NodeKind.Deployment);
        if (count == 0)
        {
            return RankedDeployments.Empty;
        }

        var facts = DeploymentFacts.For(index, store);
        var fixedOf = FixedVersions(affected);
        if (!OrdersByFix(fixedOf))
        {
            // Most answers meet only deployments read before (by an earlier answer on this snapshot, or carried from the
            // one before) and order none by its fix: each is then placed straight from the closure.
            var environments = facts.EnvironmentPlaces(environmentOrder);
            if (PlaceOrder.OfClosure(facts.PlacesFor(environments, fact => GroupKey(fact, environments)), facts, closure) is { } placed)
            {
                return new RankedDeployments(index, closure, facts, placed, fixedOf, SeverityProperties.ScoreOf(vulnerability));
            }
        }

        // The deployments' hit indices, nodes and ordinals live only while ranking: pooled, not ~50 KB of garbage an answer.
        var pool = ArrayPool<int>.Shared;
        var (hitsArray, nodesArray, ordinalsArray) = (pool.Rent(count), pool.Rent(count), pool.Rent(count));
        try
        {
            return Rank(index, store, closure, facts, fixedOf, vulnerability, environmentOrder, hitsArray.AsSpan(0, count), nodesArray.AsSpan(0, count), ordinalsArray.AsSpan(0, count));
        }
        finally
        {
            pool.Return(hitsArray);
            pool.Return(nodesArray);
            pool.Return(ordinalsArray);
        }
    }

    private static RankedDeployments Rank(GraphIndex index, NodePropertyReader store, ClosureResult closure, DeploymentFacts facts, Dictionary<int, string?> fixedOf, IReadOnlyDictionary<string, string> vulnerability, IReadOnlyList<string> environmentOrder, Span<int> hits, Span<int> nodes, Span<int> ordinals)
    {
        var kinds = index.Kinds;
        closure.IndicesOf(NodeKind.Deployment, hits);

        // Each deployment's ordinal is looked up once, for both reading facts and placing.
        for (var i = 0; i < hits.Length; i++)
        {
            nodes[i] = closure.NodeAt(hits[i]);
            ordinals[i] = facts.OrdinalOf(nodes[i]);
        }

        var environments = facts.Prepare(nodes, ordinals, store, environmentOrder);
        var places = facts.PlacesFor(environments, fact => GroupKey(fact, environments));
        bool[]? fixable = null;
        if (OrdersByFix(fixedOf))
        {
            fixable = new bool[hits.Length];
            for (var i = 0; i < hits.Length; i++)
            {
                fixable[i] = fixedOf.GetValueOrDefault(closure.ImageAndStart(hits[i], kinds).Start) is not null;
            }
        }

        var ordered = PlaceOrder.Of(places, ordinals, hits, fixable);
        return new RankedDeployments(index, closure, facts, ordered, fixedOf, SeverityProperties.ScoreOf(vulnerability));
    }

    /// <summary>The fixed version of each affected version (its first match that names one), or null.</summary>
    private static Dictionary<int, string?> FixedVersions(IReadOnlyList<AffectedVersion> affected) =>
        affected.ToDictionary(a => a.Node, a => a.Matches.Select(m => m.FixedVersion).FirstOrDefault(f => f is not null));

    /// <summary>
    /// Whether a deployment's fix orders it within its group: it depends on the affected version its path ends at, so
    /// only when some affected versions have a fix and others not (otherwise no path is followed).
    /// </summary>
    private static bool OrdersByFix(Dictionary<int, string?> fixedOf) => fixedOf.Values.Select(f => f is not null).Distinct().Count() > 1;

    // A fact not known yet is the default (environment 0), which may be interned by no fact yet: it goes last, and no
    // answer reads its place (DeploymentPlaces.Of says -1 for it).
    private static ulong GroupKey(DeploymentFacts.Fact fact, int[] environments) =>
        ((ulong)Math.Min(fact.Environment < environments.Length ? environments[fact.Environment] : EnvironmentMax, EnvironmentMax) << EnvironmentShift)
        | ((fact.InternetFacing ? 0UL : 1UL) << ExposureShift)
        | (uint)(ReplicaMax - Math.Clamp(fact.Replicas, 0, ReplicaMax));
}
