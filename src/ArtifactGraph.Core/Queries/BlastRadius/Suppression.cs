using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>
/// What VEX took out of an answer: every node the raw exposure reaches that the pruned walk does not,
/// each attributed to the suppressed product on its raw path (the one nearest the hit). Found from the products'
/// side (<see cref="LostRegion"/>) when that reads the same, else by walking the raw exposure.
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
        var pruned = ClosureQuery.Run(index, starts, Direction.Dependents, options with { Blocked = blocked }, out var scratch, out var walked);
        var region = pruned.Truncated ? null : LostRegion.Find(index, scratch, walked, starts, blocked, options);
        var lost = region is null ? null : FromRegion(index, region, blocked, decisionOf, options.MaxResults - pruned.Count);
        items.AddRange(lost ?? WalkRaw(index, starts, blocked, decisionOf, pruned, options));
        return (pruned, items);
    }

    /// <summary>
    /// The lost hits of the region behind the products, each attributed to the product nearest it on its region
    /// path; null when the raw walk would have stopped at its limit before reaching them all.
    /// </summary>
    private static List<SuppressedItem>? FromRegion(GraphIndex index, List<LostRegion.Entry> region, HashSet<int> blocked, Dictionary<int, VexDecision> decisionOf, int room)
    {
        var kinds = index.Kinds;
        var lost = new List<SuppressedItem>();
        foreach (var entry in region)
        {
            if (entry.Depth == 0 || !ClosureQuery.IsAnswer(kinds[entry.Node], entry.Edge))
            {
                continue;
            }

            if (lost.Count == room)
            {
                return null;
            }

            var through = entry;
            while (!blocked.Contains(through.Node))
            {
                through = region[through.Parent];
            }

            lost.Add(new SuppressedItem(entry.Node, entry.Depth, decisionOf[through.Node], Direct: through.Node == entry.Node));
        }

        lost.Sort((a, b) => Compare(kinds, a, b));
        return lost;
    }

    /// <summary>
    /// The raw walk, for when the region cannot be read from the products' side: it only has to say which of its
    /// hits the pruned walk lost, and how, so it runs without collecting, ordering or copying every hit.
    /// </summary>
    private static List<SuppressedItem> WalkRaw(GraphIndex index, IReadOnlyList<int> starts, HashSet<int> blocked, Dictionary<int, VexDecision> decisionOf, ClosureResult pruned, ClosureOptions options)
    {
        // One bit a node: a hash set of a popular package's ~150k hits cost more than either walk.
        var reached = new ulong[(index.NodeCount + 63) >> 6];
        for (var i = 0; i < pruned.Count; i++)
        {
            var node = pruned.NodeAt(i);
            reached[node >> 6] |= 1UL << node;
        }

        var scratch = ClosureQuery.ScratchFor(index, options);
        var finder = new LostFinder { Edges = scratch.Edges, Pruned = reached, Max = options.MaxResults, Lost = [] };
        BreadthFirst.Walk(index, scratch, starts, Direction.Dependents, options.EdgeKinds, options.MaxDepth, ref finder, pruneAliasLeaves: true);

        var lost = new List<SuppressedItem>(finder.Lost.Count);
        foreach (var (depth, position) in finder.Lost)
        {
            var node = scratch.Nodes[position];
            var path = BreadthFirst.PathTo(scratch.Nodes, scratch.Parents, scratch.Edges, position, Direction.Dependents);
            var through = path.Select(s => s.Node).First(blocked.Contains);
            lost.Add(new SuppressedItem(node, depth, decisionOf[through], Direct: through == node));
        }

        lost.Sort((a, b) => Compare(index.Kinds, a, b));
        return lost;
    }

    /// <summary>By depth, then kind, as a closure lists its hits, then by node: the same order whichever way they were found.</summary>
    private static int Compare(NodeKind[] kinds, SuppressedItem a, SuppressedItem b) =>
        (a.Depth, kinds[a.Node], a.Node).CompareTo((b.Depth, kinds[b.Node], b.Node));

    /// <summary>The raw walk's hits outside the pruned reach, as a closure would count its hits (up to its limit).</summary>
    private struct LostFinder : IReachVisitor
    {
        public byte[] Edges;
        public ulong[] Pruned;
        public int Max;
        public int Count;
        public List<(int Depth, int Position)> Lost;

        public bool Reached(int position, int node, NodeKind kind, int depth)
        {
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
                Lost.Add((depth, position));
            }

            return true;
        }
    }
}
