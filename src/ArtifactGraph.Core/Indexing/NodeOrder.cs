using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Indexing;

/// <summary>
/// Chooses node ids for locality. A blast-radius walk goes backwards over impact edges from a package to
/// everything that uses it; with ids in arrival order (whichever document named a node first) the nodes it
/// reaches are spread over the whole id range, so every step of the walk (row offsets, row kinds, the
/// visited bit, the row itself) is a cache and TLB miss of its own. Numbering nodes in the order of such a
/// walk, started from the most used nodes first, puts what one walk reaches next to each other: the arrays
/// are then read nearly in order, and the hardware prefetches them.
/// </summary>
internal static class NodeOrder
{
    /// <summary>The kinds a blast radius walks (EdgeKindSet.Impact); other edges do not decide locality.</summary>
    private const uint ImpactKinds = (1u << (int)EdgeKind.DependsOn) | (1u << (int)EdgeKind.Contains) | (1u << (int)EdgeKind.OccursAs)
        | (1u << (int)EdgeKind.BasedOn) | (1u << (int)EdgeKind.Runs) | (1u << (int)EdgeKind.ResolvesTo);

    /// <summary>
    /// New id per old id: a breadth-first walk against impact edges (and along OCCURS_AS, which a walk takes
    /// both ways) from each not yet numbered node, most used first (impact in-degree, then old id), numbering
    /// nodes as they are reached. Deterministic for the same input order.
    /// </summary>
    public static int[] ForReverseWalks(int nodeCount, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, ReadOnlySpan<EdgeKind> kinds)
    {
        // Rows of the walk: for each node, the nodes it leads to.
        var offsets = new int[nodeCount + 1];
        for (var i = 0; i < sources.Length; i++)
        {
            var kind = kinds[i];
            if ((ImpactKinds & (1u << (int)kind)) != 0)
            {
                offsets[targets[i] + 1]++;
                if (kind == EdgeKind.OccursAs)
                {
                    offsets[sources[i] + 1]++;
                }
            }
        }

        for (var n = 0; n < nodeCount; n++)
        {
            offsets[n + 1] += offsets[n];
        }

        var cursor = offsets.AsSpan(0, nodeCount).ToArray();
        var rows = new int[offsets[nodeCount]];
        for (var i = 0; i < sources.Length; i++)
        {
            var kind = kinds[i];
            if ((ImpactKinds & (1u << (int)kind)) != 0)
            {
                rows[cursor[targets[i]]++] = sources[i];
                if (kind == EdgeKind.OccursAs)
                {
                    rows[cursor[sources[i]]++] = targets[i];
                }
            }
        }

        // Roots, most used first: one key per node, in-degree inverted above the old id, so the order is total.
        var roots = new long[nodeCount];
        for (var n = 0; n < nodeCount; n++)
        {
            roots[n] = ((long)(int.MaxValue - (offsets[n + 1] - offsets[n])) << 32) | (uint)n;
        }

        Array.Sort(roots);

        var newId = new int[nodeCount];
        Array.Fill(newId, -1);
        var queue = cursor; // spent: reused as the walk's queue, in new-id order
        var next = 0;
        foreach (var key in roots)
        {
            var root = (int)(key & uint.MaxValue);
            if (newId[root] >= 0)
            {
                continue;
            }

            newId[root] = next;
            queue[next++] = root;
            for (var head = next - 1; head < next; head++)
            {
                var node = queue[head];
                for (var i = offsets[node]; i < offsets[node + 1]; i++)
                {
                    var reached = rows[i];
                    if (newId[reached] < 0)
                    {
                        newId[reached] = next;
                        queue[next++] = reached;
                    }
                }
            }
        }

        return newId;
    }
}
