using System.Globalization;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>
/// Orders affected deployments for action: environment (production first, configurable), exposure
/// (internet before internal), replicas (more first), severity (higher first), a fixed version to move to
/// (fixable first), then name. Deployment attributes come from inventory properties
/// (<c>deploy:environment</c>, <c>deploy:cluster</c>, <c>live:exposure</c>, <c>live:replicas</c>).
/// </summary>
internal static class DeploymentRanking
{
    public static IReadOnlyList<RankedDeployment> Rank(GraphIndex index, NodePropertyReader store, ClosureResult closure, IReadOnlyList<AffectedVersion> affected, IReadOnlyDictionary<string, string> vulnerability, IReadOnlyList<string> environmentOrder)
    {
        var hits = new List<(int Hit, int Node)>();
        for (var i = 0; i < closure.Count; i++)
        {
            if (index.KindOf(closure.NodeAt(i)) == NodeKind.Deployment)
            {
                hits.Add((i, closure.NodeAt(i)));
            }
        }

        if (hits.Count == 0)
        {
            return [];
        }

        var refs = new NodeRef[hits.Count];
        for (var i = 0; i < refs.Length; i++)
        {
            refs[i] = index.RefOf(hits[i].Node);
        }

        var properties = store(refs);
        var fixedOf = affected.ToDictionary(a => a.Node, a => a.Matches.Select(m => m.FixedVersion).FirstOrDefault(f => f is not null));
        var severity = SeverityProperties.ScoreOf(vulnerability);
        var empty = new Dictionary<string, string>();

        var deployments = new RankedDeployment[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            var (hit, node) = hits[i];
            var props = properties.GetValueOrDefault(refs[i]) ?? empty;
            var (image, package) = closure.ImageAndStart(hit, index.Kinds);
            deployments[i] = new RankedDeployment(
                hit,
                node,
                closure.DepthAt(hit),
                props.GetValueOrDefault("deploy:environment") ?? "unknown",
                props.GetValueOrDefault("deploy:cluster") ?? "unknown",
                props.GetValueOrDefault("live:exposure") ?? "internal",
                int.TryParse(props.GetValueOrDefault("live:replicas"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var replicas) ? replicas : 1,
                image,
                package,
                fixedOf.GetValueOrDefault(package),
                severity);
        }

        // Every criterion but the name packs into one integer (severity is the vulnerability's, the same for
        // all): a popular package reaches tens of thousands of deployments, and comparing strings and
        // several fields per comparison was most of the ranking.
        var environments = EnvironmentPositions(deployments, environmentOrder);
        var entries = new Entry[deployments.Length];
        for (var i = 0; i < deployments.Length; i++)
        {
            var d = deployments[i];
            var packed = ((ulong)environments[d.Environment] << 40)
                | ((string.Equals(d.Exposure, "internet", StringComparison.OrdinalIgnoreCase) ? 0UL : 1UL) << 39)
                | ((ulong)((long)int.MaxValue - d.Replicas) << 7)
                | ((d.FixedVersion is null ? 1UL : 0UL) << 6);
            entries[i] = new Entry(packed, refs[i].Key, i);
        }

        Array.Sort(entries);
        var ranked = new RankedDeployment[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            ranked[i] = deployments[entries[i].Index];
        }

        return ranked;
    }

    /// <summary>Each environment's place: configured order first, then by name (ordinal).</summary>
    private static Dictionary<string, int> EnvironmentPositions(RankedDeployment[] deployments, IReadOnlyList<string> order)
    {
        var distinct = deployments.Select(d => d.Environment).Distinct(StringComparer.Ordinal)
            .OrderBy(e => EnvironmentRank(e, order)).ThenBy(e => e, StringComparer.Ordinal).ToList();
        var positions = new Dictionary<string, int>(distinct.Count, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++)
        {
            positions[distinct[i]] = i;
        }

        return positions;
    }

    /// <summary>A deployment's packed criteria, then its key: sorted without a comparison delegate.</summary>
    private readonly record struct Entry(ulong Packed, string Key, int Index) : IComparable<Entry>
    {
        public int CompareTo(Entry other)
        {
            var c = Packed.CompareTo(other.Packed);
            return c != 0 ? c : string.CompareOrdinal(Key, other.Key);
        }
    }

    private static int EnvironmentRank(string environment, IReadOnlyList<string> order)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], environment, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return order.Count;
    }
}
