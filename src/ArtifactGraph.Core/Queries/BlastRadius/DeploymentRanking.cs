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

        var properties = store(hits.Select(h => index.RefOf(h.Node)).ToList());
        var fixedOf = affected.ToDictionary(a => a.Node, a => a.Matches.Select(m => m.FixedVersion).FirstOrDefault(f => f is not null));
        double? severity = vulnerability.TryGetValue("severity:score", out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) ? score : null;

        var ranked = hits.Select(h =>
        {
            var props = properties.GetValueOrDefault(index.RefOf(h.Node)) ?? new Dictionary<string, string>();
            var path = closure.PathOf(h.Hit);
            var image = RunningImage(index, path);
            var package = path[^1].Node;
            return new RankedDeployment(
                h.Hit,
                h.Node,
                closure.DepthAt(h.Hit),
                props.GetValueOrDefault("deploy:environment") ?? "unknown",
                props.GetValueOrDefault("deploy:cluster") ?? "unknown",
                props.GetValueOrDefault("live:exposure") ?? "internal",
                int.TryParse(props.GetValueOrDefault("live:replicas"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var replicas) ? replicas : 1,
                image,
                package,
                fixedOf.GetValueOrDefault(package),
                severity);
        });

        return ranked
            .OrderBy(d => EnvironmentRank(d.Environment, environmentOrder))
            .ThenBy(d => d.Environment, StringComparer.Ordinal)
            .ThenBy(d => string.Equals(d.Exposure, "internet", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenByDescending(d => d.Replicas)
            .ThenByDescending(d => d.Severity ?? 0)
            .ThenBy(d => d.FixedVersion is null ? 1 : 0)
            .ThenBy(d => index.KeyOf(d.Node), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The image the deployment runs: the first image on the path, or what its tag resolved to.</summary>
    private static int? RunningImage(GraphIndex index, IReadOnlyList<PathStep> path)
    {
        for (var i = 1; i < path.Count; i++)
        {
            if (index.KindOf(path[i].Node) == NodeKind.Image)
            {
                return i + 1 < path.Count && path[i + 1].Edge == EdgeKind.ResolvesTo ? path[i + 1].Node : path[i].Node;
            }
        }

        return null;
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
