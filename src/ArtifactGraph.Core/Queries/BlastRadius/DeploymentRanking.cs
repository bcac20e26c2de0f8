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
        if (closure.CountOf(NodeKind.Deployment) == 0)
        {
            return RankedDeployments.Empty;
        }

        var facts = DeploymentFacts.For(index, store);
        var fixedOf = FixedVersions(affected);

        // Whether a deployment is fixable depends on the affected version its path ends at; when every affected version
        // says the same, it orders nothing and no path is followed.
        var kinds = index.Kinds;
        Func<int, bool>? fixable = OrdersByFix(fixedOf) ? hit => fixedOf.GetValueOrDefault(closure.ImageAndStart(hit, kinds).Start) is not null : null;

        // Most answers meet only deployments read before (by an earlier answer on this snapshot, or carried from the one
        // before): they are placed straight away. Otherwise the missing facts are read, and the places built again.
        var environments = facts.EnvironmentPlaces(environmentOrder);
        var places = facts.PlacesFor(environments, fact => GroupKey(fact, environments));
        var ordered = PlaceOrder.Of(places, facts, closure, fixable);
        if (ordered is null)
        {
            var nodes = closure.IndicesOf(NodeKind.Deployment).Select(closure.NodeAt).ToArray();
            environments = facts.Prepare(nodes, store, environmentOrder);
            places = facts.PlacesFor(environments, fact => GroupKey(fact, environments));
            ordered = PlaceOrder.Of(places, facts, closure, fixable) ?? throw new InvalidOperationException("a deployment is still unknown after its facts were read");
        }

        return new RankedDeployments(index, closure, facts, places, ordered, fixedOf, SeverityProperties.ScoreOf(vulnerability));
    }

    /// <summary>The fixed version of each affected version (its first match that names one), or null.</summary>
    private static Dictionary<int, string?> FixedVersions(IReadOnlyList<AffectedVersion> affected) =>
        affected.ToDictionary(a => a.Node, a => a.Matches.Select(m => m.FixedVersion).FirstOrDefault(f => f is not null));

    /// <summary>Whether a deployment's fix orders it within its group: when some affected versions have a fix and others not.</summary>
    private static bool OrdersByFix(Dictionary<int, string?> fixedOf) => fixedOf.Values.Select(f => f is not null).Distinct().Count() > 1;

    // A fact not known yet is the default (environment 0), which may be interned by no fact yet: it goes last, and no
    // answer reads its place (DeploymentPlaces.Of says -1 for it).
    private static ulong GroupKey(DeploymentFacts.Fact fact, int[] environments) =>
        ((ulong)Math.Min(fact.Environment < environments.Length ? environments[fact.Environment] : EnvironmentMax, EnvironmentMax) << EnvironmentShift)
        | ((fact.InternetFacing ? 0UL : 1UL) << ExposureShift)
        | (uint)(ReplicaMax - Math.Clamp(fact.Replicas, 0, ReplicaMax));
}
