using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>
/// Blast radius (DESIGN.md §5): resolve the affected package versions (advisory ranges matched with the
/// ecosystem's ordering, a purl, or a digest), walk reverse edges over the impact allowlist, apply VEX,
/// rank the deployments. One snapshot, one catalog; the store is read only for node properties.
/// </summary>
/// <summary>Reads stored node properties (IGraphStore.GetNodeProperties).</summary>
public delegate IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> NodePropertyReader(IReadOnlyCollection<NodeRef> nodes);

public static class BlastRadiusQuery
{
    public static BlastRadiusResult Run(GraphIndex index, AdvisoryCatalog catalog, IGraphStore store, BlastRadiusRequest request)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Run(index, catalog, store.GetNodeProperties, request);
    }

    /// <summary>As above, with node properties read through <paramref name="store"/> (the store's GetNodeProperties).</summary>
    public static BlastRadiusResult Run(GraphIndex index, AdvisoryCatalog catalog, NodePropertyReader store, BlastRadiusRequest request)
    {
        var given = new[] { request.Vulnerability, request.Purl, request.Digest }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given != 1)
        {
            return Failed(request, "give exactly one of a vulnerability id, a purl or a digest");
        }

        return request.Vulnerability is { } id
            ? ForVulnerability(index, catalog, store, request, id)
            : ForTarget(index, store, request);
    }

    private static BlastRadiusResult ForVulnerability(GraphIndex index, AdvisoryCatalog catalog, NodePropertyReader store, BlastRadiusRequest request, string id)
    {
        var aliases = catalog.Aliases.AliasesOf(id);
        var ordered = aliases.OrderBy(a => a == AliasSets.Preferred(aliases) ? 0 : 1).ThenBy(a => a, StringComparer.Ordinal).ToList();
        var matched = AffectedVersions.Find(index, catalog.AffectedFor(aliases));
        var starts = matched.Affected.Select(a => a.Node).ToList();
        var vex = VexDecisions.Decide(index, catalog.VexFor(aliases), starts);
        var properties = VulnerabilityProperties(index, store, aliases);
        var options = new ClosureOptions { MaxDepth = request.MaxDepth };

        if (request.IgnoreVex || vex.Suppressing.Count == 0)
        {
            var closure = ClosureQuery.Run(index, starts, Direction.Dependents, options);
            return new BlastRadiusResult
            {
                Query = request.Vulnerability!,
                Aliases = ordered,
                VulnerabilityProperties = properties,
                AffectedPackages = matched.Affected,
                Starts = starts,
                Closure = closure,
                Deployments = DeploymentRanking.Rank(index, store, closure, matched.Affected, properties, request.EnvironmentOrder),
                Annotations = request.IgnoreVex ? [.. vex.Suppressing, .. vex.Annotating] : vex.Annotating,
                Unusable = matched.Unusable,
                VexIgnored = request.IgnoreVex,
            };
        }

        var blocked = vex.Suppressing.Select(d => d.Product).ToHashSet();
        var (pruned, suppressed) = Suppression.Explain(index, starts, blocked, vex.Suppressing, options);
        var affected = matched.Affected.Where(a => !blocked.Contains(a.Node)).ToList();
        return new BlastRadiusResult
        {
            Query = request.Vulnerability!,
            Aliases = ordered,
            VulnerabilityProperties = properties,
            AffectedPackages = affected,
            Starts = affected.Select(a => a.Node).ToList(),
            Closure = pruned,
            Deployments = DeploymentRanking.Rank(index, store, pruned, affected, properties, request.EnvironmentOrder),
            Suppressed = suppressed,
            Annotations = vex.Annotating,
            Unusable = matched.Unusable,
        };
    }

    private static BlastRadiusResult ForTarget(GraphIndex index, NodePropertyReader store, BlastRadiusRequest request)
    {
        var query = (request.Purl ?? request.Digest)!.Trim();
        var range = request.Range;
        var at = query.IndexOf("@vers:", StringComparison.OrdinalIgnoreCase);
        if (request.Purl is not null && at > 0)
        {
            // pkg:npm/lodash@vers:npm/<4.17.21 — a purl whose version is a vers range.
            range = query[(at + 1)..];
            query = query[..at];
        }

        var target = TargetResolver.Resolve(index, query);
        if (target.Error is not null)
        {
            return Failed(request, target.Error);
        }

        var starts = target.Nodes;
        if (range is not null)
        {
            var filtered = RangeFilter.Apply(index, starts, range);
            if (filtered.Error is not null)
            {
                return Failed(request, filtered.Error);
            }

            starts = filtered.Nodes;
        }

        var closure = ClosureQuery.Run(index, starts, Direction.Dependents, new ClosureOptions { MaxDepth = request.MaxDepth });
        var noProperties = new Dictionary<string, string>();
        return new BlastRadiusResult
        {
            Query = range is null ? query : $"{query} {range}",
            Starts = starts,
            Closure = closure,
            Deployments = DeploymentRanking.Rank(index, store, closure, [], noProperties, request.EnvironmentOrder),
        };
    }

    private static Dictionary<string, string> VulnerabilityProperties(GraphIndex index, NodePropertyReader store, IReadOnlyList<string> aliases)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        var refs = aliases.Select(a => new NodeRef(NodeKind.Vulnerability, a)).Where(r => index.TryFind(r, out _)).ToList();
        foreach (var (_, properties) in store(refs).OrderBy(p => p.Key.Key, StringComparer.Ordinal))
        {
            foreach (var (key, value) in properties)
            {
                merged.TryAdd(key, value);
            }
        }

        return merged;
    }

    private static BlastRadiusResult Failed(BlastRadiusRequest request, string error) => new()
    {
        Query = request.Vulnerability ?? request.Purl ?? request.Digest ?? string.Empty,
        Error = error,
        Closure = ClosureQuery.Run(GraphIndex.Empty, [], Direction.Dependents),
    };
}
