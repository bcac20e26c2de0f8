using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>
/// What VEX took out of an answer: every node the raw exposure reaches that the pruned walk does not,
/// each attributed to the suppressed product on its raw path (the one nearest the hit).
/// </summary>
internal static class Suppression
{
    /// <summary>The pruned walk (the answer) and what it lost against the raw walk.</summary>
    public static (ClosureResult Pruned, IReadOnlyList<SuppressedItem> Suppressed) Explain(GraphIndex index, IReadOnlyList<int> starts, HashSet<int> blocked, IReadOnlyList<VexDecision> decisions, ClosureOptions options)
    {
        var decisionOf = new Dictionary<int, VexDecision>();
        foreach (var decision in decisions)
        {
            decisionOf.TryAdd(decision.Product, decision);
        }

        var items = new List<SuppressedItem>();
        foreach (var start in starts.Where(blocked.Contains))
        {
            items.Add(new SuppressedItem(start, 0, decisionOf[start], Direct: true));
        }

        // The pruned walk's reach, computed first: the walks share one scratch, so each result is copied out.
        var pruned = ClosureQuery.Run(index, starts, Direction.Dependents, options with { Blocked = blocked });
        // One bit a node: a hash set of a popular package's ~150k hits cost more than either walk.
        var reached = new ulong[(index.NodeCount + 63) >> 6];
        for (var i = 0; i < pruned.Count; i++)
        {
            var node = pruned.NodeAt(i);
            reached[node >> 6] |= 1UL << node;
        }

        var raw = ClosureQuery.Run(index, starts, Direction.Dependents, options);
        for (var i = 0; i < raw.Count; i++)
        {
            var node = raw.NodeAt(i);
            if ((reached[node >> 6] & (1UL << node)) != 0)
            {
                continue;
            }

            var through = raw.PathOf(i).Select(s => s.Node).First(blocked.Contains);
            items.Add(new SuppressedItem(node, raw.DepthAt(i), decisionOf[through], Direct: through == node));
        }

        return (pruned, items);
    }
}
