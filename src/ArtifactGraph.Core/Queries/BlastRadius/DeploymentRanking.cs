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
        double? severity = vulnerability.TryGetValue("severity:score", out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) ? score : null;
        var empty = new Dictionary<string, string>();

        // Sort keys computed once per deployment, compared in one comparison: a deployment's path is read
        // from the walk's tree without building it (thousands of deployments for a popular package).
        var entries = new (RankedDeployment Deployment, int EnvironmentRank, bool Internet, string Key)[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            var (hit, node) = hits[i];
            var props = properties.GetValueOrDefault(refs[i]) ?? empty;
            var (image, package) = closure.ImageAndStart(hit, index.Kinds);
            var deployment = new RankedDeployment(
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
            entries[i] = (deployment, EnvironmentRank(deployment.Environment, environmentOrder),
                string.Equals(deployment.Exposure, "internet", StringComparison.OrdinalIgnoreCase), refs[i].Key);
        }

        Array.Sort(entries, static (x, y) =>
        {
            var c = x.EnvironmentRank.CompareTo(y.EnvironmentRank);
            if (c == 0)
            {
                c = string.CompareOrdinal(x.Deployment.Environment, y.Deployment.Environment);
            }

            if (c == 0)
            {
                c = y.Internet.CompareTo(x.Internet);
            }

            if (c == 0)
            {
                c = y.Deployment.Replicas.CompareTo(x.Deployment.Replicas);
            }

            if (c == 0)
            {
                c = (y.Deployment.Severity ?? 0).CompareTo(x.Deployment.Severity ?? 0);
            }

            if (c == 0)
            {
                c = (y.Deployment.FixedVersion is not null).CompareTo(x.Deployment.FixedVersion is not null);
            }

            return c != 0 ? c : string.CompareOrdinal(x.Key, y.Key);
        });

        var ranked = new RankedDeployment[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            ranked[i] = entries[i].Deployment;
        }

        return ranked;
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
