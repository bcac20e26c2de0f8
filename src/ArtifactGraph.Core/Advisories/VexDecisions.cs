using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Core.Advisories;

/// <summary>A VEX statement in force for a product node.</summary>
public sealed record VexDecision(int Product, VexEntry Statement);

/// <summary>
/// Applies VEX statements to one vulnerability's answer. Per (product, issuer) the latest statement wins
/// (by its timestamp, then by document order). <c>not_affected</c> and <c>fixed</c> suppress the product
/// — the walk does not pass through it, so what is reached only through it is suppressed too;
/// <c>affected</c> and <c>under_investigation</c> only annotate. A statement naming subcomponents applies
/// only when one of them is among the affected packages.
/// </summary>
public static class VexDecisions
{
    public sealed record Result(IReadOnlyList<VexDecision> Suppressing, IReadOnlyList<VexDecision> Annotating);

    public static Result Decide(GraphIndex index, IReadOnlyList<VexEntry> statements, IReadOnlyCollection<int> affectedNodes)
    {
        var latest = statements
            .Select((statement, order) => (statement, order))
            .GroupBy(s => (s.statement.Product, s.statement.Claim.Issuer))
            .Select(g => g.OrderByDescending(s => s.statement.Claim.Timestamp ?? DateTimeOffset.MinValue).ThenByDescending(s => s.order).First().statement);

        var affectedKeys = AffectedKeys(index, affectedNodes);
        var suppressing = new List<VexDecision>();
        var annotating = new List<VexDecision>();
        foreach (var statement in latest)
        {
            if (statement.Claim.Subcomponents.Count > 0 && !statement.Claim.Subcomponents.Any(s => affectedKeys.Contains(Canonical(s))))
            {
                continue;
            }

            var target = statement.Claim.Status is VexStatus.NotAffected or VexStatus.Fixed ? suppressing : annotating;
            foreach (var node in ProductNodes(index, statement.Product))
            {
                target.Add(new VexDecision(node, statement));
            }
        }

        return new Result(suppressing, annotating);
    }

    /// <summary>The affected versions' keys and their versionless package keys: what a subcomponent may name.</summary>
    private static HashSet<string> AffectedKeys(GraphIndex index, IReadOnlyCollection<int> affectedNodes)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in affectedNodes)
        {
            var key = index.KeyOf(node);
            keys.Add(key);
            if (Purl.TryParse(key, out var purl, out _))
            {
                keys.Add(purl.PackageKey);
                keys.Add(Purl.Create(purl.Type, purl.Namespace, purl.Name, purl.Version).ToString());
            }
        }

        return keys;
    }

    private static string Canonical(string subcomponent) =>
        subcomponent.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase) ? PackageIdentity.FromQuery(subcomponent).VersionKey : subcomponent.Trim().ToLowerInvariant();

    /// <summary>A product names a node the way a query does: a purl (versionless = every version) or a digest.</summary>
    private static IReadOnlyList<int> ProductNodes(GraphIndex index, NodeRef product)
    {
        if (index.TryFind(product, out var exact))
        {
            return product.Kind == NodeKind.Package ? TargetResolver.Resolve(index, product.Key).Nodes : [exact];
        }

        return product.Kind is NodeKind.PackageVersion or NodeKind.Package
            ? TargetResolver.Resolve(index, product.Key).Nodes
            : [];
    }
}
