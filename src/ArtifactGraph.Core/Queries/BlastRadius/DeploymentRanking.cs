using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>
/// Orders affected deployments for action: environment (production first, configurable), exposure
/// (internet before internal), replicas (more first), severity (higher first), a fixed version to move to
/// (fixable first), then name. Deployment attributes come from inventory properties
/// (<c>deploy:environment</c>, <c>deploy:cluster</c>, <c>live:exposure</c>, <c>live:replicas</c>), kept per
/// snapshot in <see cref="DeploymentFacts"/>.
/// </summary>
internal static class DeploymentRanking
{
    // One 64-bit key per deployment, most significant first (severity is the vulnerability's, the same for
    // all, so it never orders): environment place (12 bits), not internet-facing (1), replicas inverted (20),
    // not fixable (1), place by name (30). Sorting integers, not comparing strings and fields, is what lets a
    // popular package's tens of thousands of deployments rank in well under a millisecond.
    private const int NameBits = 30;
    private const int FixableShift = NameBits;
    private const int ReplicaShift = FixableShift + 1;
    private const int ReplicaBits = 20;
    private const int ExposureShift = ReplicaShift + ReplicaBits;
    private const int EnvironmentShift = ExposureShift + 1;
    private const int EnvironmentMax = (1 << 12) - 1;
    private const int ReplicaMax = (1 << ReplicaBits) - 1;

    public static RankedDeployments Rank(GraphIndex index, NodePropertyReader store, ClosureResult closure, IReadOnlyList<AffectedVersion> affected, IReadOnlyDictionary<string, string> vulnerability, IReadOnlyList<string> environmentOrder)
    {
        var kinds = index.Kinds;
        var order = closure.IndicesOf(NodeKind.Deployment);
        if (order.Length == 0)
        {
            return RankedDeployments.Empty;
        }

        var nodes = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            nodes[i] = closure.NodeAt(order[i]);
        }

        var facts = DeploymentFacts.For(index, store);
        var environments = facts.Prepare(nodes, store, environmentOrder);
        var fixedOf = affected.ToDictionary(a => a.Node, a => a.Matches.Select(m => m.FixedVersion).FirstOrDefault(f => f is not null));

        // Whether a deployment is fixable depends on the affected version its path ends at; when every
        // affected version says the same, no path is followed.
        var fixable = fixedOf.Values.Select(f => f is not null).Distinct().ToList();
        var pathDecides = fixable.Count > 1;
        var allFixable = fixable is [true];

        var keys = new ulong[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            ref readonly var fact = ref facts.Of(nodes[i]);
            var isFixable = pathDecides
                ? fixedOf.GetValueOrDefault(closure.ImageAndStart(order[i], kinds).Start) is not null
                : allFixable;
            keys[i] = ((ulong)Math.Min(environments[fact.Environment], EnvironmentMax) << EnvironmentShift)
                | ((fact.InternetFacing ? 0UL : 1UL) << ExposureShift)
                | ((ulong)(ReplicaMax - Math.Clamp(fact.Replicas, 0, ReplicaMax)) << ReplicaShift)
                | ((isFixable ? 0UL : 1UL) << FixableShift)
                | (uint)fact.Ordinal;
        }

        RadixSort.Sort(keys, order);
        return new RankedDeployments(index, closure, facts, order, fixedOf, SeverityProperties.ScoreOf(vulnerability));
    }
}
