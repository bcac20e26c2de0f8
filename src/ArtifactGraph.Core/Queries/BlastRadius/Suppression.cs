using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
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

        // The raw walk only has to say which of its hits the pruned walk lost, and how: it runs without
        // collecting, ordering or copying every hit (for a popular package under VEX those were ~150k of each).
        var scratch = ClosureQuery.ScratchFor(index, options);
        var finder = new LostFinder { Kinds = index.Kinds, Edges = scratch.Edges, Pruned = reached, Max = options.MaxResults, Lost = [] };
        BreadthFirst.Walk(index, scratch, starts, Direction.Dependents, options.EdgeKinds, options.MaxDepth, ref finder, pruneAliasLeaves: true);

        // In the order a closure lists its hits: by depth, then kind, then discovery.
        finder.Lost.Sort((a, b) => (a.Depth, a.Kind, a.Position).CompareTo((b.Depth, b.Kind, b.Position)));
        foreach (var (depth, _, position) in finder.Lost)
        {
            var node = scratch.Nodes[position];
            var path = BreadthFirst.PathTo(scratch.Nodes, scratch.Parents, scratch.Edges, position, Direction.Dependents);
            var through = path.Select(s => s.Node).First(blocked.Contains);
            items.Add(new SuppressedItem(node, depth, decisionOf[through], Direct: through == node));
        }

        return (pruned, items);
    }

    /// <summary>The raw walk's hits outside the pruned reach, as a closure would count its hits (up to its limit).</summary>
    private struct LostFinder : IReachVisitor
    {
        public NodeKind[] Kinds;
        public byte[] Edges;
        public ulong[] Pruned;
        public int Max;
        public int Count;
        public List<(int Depth, NodeKind Kind, int Position)> Lost;

        public bool Reached(int position, int node, int depth)
        {
            var kind = Kinds[node];
            if (!ClosureQuery.IsAnswer(kind, Edges[position]))
            {
                return true;
            }

            if (Count++ >= Max)
            {
                return false;
            }

            if ((Pruned[node >> 6] & (1UL << node)) == 0)
            {
                Lost.Add((depth, kind, position));
            }

            return true;
        }
    }
}
