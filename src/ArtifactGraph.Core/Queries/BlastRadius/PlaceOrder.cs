using System.Buffers;
using System.Numerics;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>One query's deployments in rank order, read from a bitmap of their places (<see cref="DeploymentPlaces"/>).</summary>
internal static class PlaceOrder
{
    /// <summary>
    /// Every deployment hit of <paramref name="closure"/> (closure indices) in place order, in one pass over the closure's
    /// deployments. With <paramref name="fixable"/> (by closure index), each group's fixable deployments come before its
    /// others. Null when a deployment was not known when the places were built: its facts must be read first.
    /// </summary>
    public static int[]? Of(DeploymentPlaces places, DeploymentFacts facts, ClosureResult closure, Func<int, bool>? fixable)
    {
        var count = places.Count;
        var words = (count + 63) >> 6;
        var atPlace = ArrayPool<int>.Shared.Rent(count);
        try
        {
            var first = new ulong[words];
            var second = fixable is null ? null : new ulong[words];
            var marked = fixable is null
                ? Mark(places, facts, closure, default(AllFixable), atPlace, first, first)
                : Mark(places, facts, closure, new FixableByPath(fixable), atPlace, first, second!);
            if (!marked)
            {
                return null;
            }

            var ordered = GC.AllocateUninitializedArray<int>(closure.CountOf(Graph.NodeKind.Deployment));
            var n = second is null ? Read(first, 0, count, atPlace, ordered, 0) : ReadByGroup(places.GroupStarts, first, second, atPlace, ordered);
            return n == ordered.Length ? ordered : throw new InvalidOperationException($"{ordered.Length} deployments took {n} places: two share one");
        }
        finally
        {
            ArrayPool<int>.Shared.Return(atPlace);
        }
    }

    /// <summary>
    /// Marks each deployment hit's place, in <paramref name="first"/> when it is fixable and <paramref name="second"/> when
    /// not, and notes the hit at it; false at the first deployment the places do not know. Generic over the fixable test
    /// so that answers which order nothing by fix get a loop with no call in it (a call there cost ~2 points of the
    /// answer's profile: the loop's values no longer fitted in the registers a call leaves).
    /// </summary>
    private static bool Mark<TFixable>(DeploymentPlaces places, DeploymentFacts facts, ClosureResult closure, TFixable fixable, int[] atPlace, ulong[] first, ulong[] second)
        where TFixable : struct, IFixable
    {
        // The deployments in the tree (all of them, unless the walk kept them beside their images), then the runs.
        for (var depth = 0; depth < closure.RunDepths; depth++)
        {
            var (start, end) = closure.RunOf(Graph.NodeKind.Deployment, depth);
            for (var i = start; i < end && !closure.IsLeaf(i); i++)
            {
                if (!Place(places.Of(facts.OrdinalOf(closure.NodeAt(i))), i, fixable, atPlace, first, second))
                {
                    return false;
                }
            }
        }

        if (closure.LeafRunsOf is not { } leaves)
        {
            return true;
        }

        // Run by run: a run's deployments have consecutive slots, so their places are read in order.
        var (firsts, slots, hitStarts, ends) = (leaves.Firsts, leaves.Slots, leaves.HitStarts, leaves.Ends);
        var placeOfSlot = places.PlaceOfSlot;
        var runStart = 0;
        for (var r = 0; r < ends.Length; r++)
        {
            var (count, slot, hit) = (ends[r] - runStart, slots[r], hitStarts[r]);
            runStart = ends[r];
            if (slot < 0)
            {
                for (var j = 0; j < count; j++)
                {
                    if (!Place(places.Of(facts.OrdinalOf(firsts[r] + j)), hit + j, fixable, atPlace, first, second))
                    {
                        return false;
                    }
                }

                continue;
            }

            foreach (var place in placeOfSlot.Slice(slot, count))
            {
                if (!Place(place, hit++, fixable, atPlace, first, second))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Notes <paramref name="hit"/> at its place and marks the place; false when the place is not known (-1).</summary>
    private static bool Place<TFixable>(int place, int hit, TFixable fixable, int[] atPlace, ulong[] first, ulong[] second)
        where TFixable : struct, IFixable
    {
        if (place < 0)
        {
            return false;
        }

        atPlace[place] = hit;
        var bits = fixable.IsFixable(hit) ? first : second;
        bits[place >> 6] |= 1UL << place;
        return true;
    }

    private interface IFixable
    {
        bool IsFixable(int hit);
    }

    /// <summary>No deployment is ordered by its fix: all count as fixable, in one bitmap.</summary>
    private readonly struct AllFixable : IFixable
    {
        public bool IsFixable(int hit) => true;
    }

    private readonly struct FixableByPath(Func<int, bool> fixable) : IFixable
    {
        public bool IsFixable(int hit) => fixable(hit);
    }

    /// <summary>The hits marked in <paramref name="first"/>, then those in <paramref name="second"/>, group by group.</summary>
    private static int ReadByGroup(ReadOnlySpan<int> starts, ulong[] first, ulong[] second, int[] atPlace, int[] into)
    {
        var n = 0;
        for (var g = 0; g + 1 < starts.Length; g++)
        {
            n = Read(first, starts[g], starts[g + 1], atPlace, into, n);
            n = Read(second, starts[g], starts[g + 1], atPlace, into, n);
        }

        return n;
    }

    /// <summary>Appends the hits at the marked places in [from, to), in order.</summary>
    private static int Read(ulong[] bits, int from, int to, int[] atPlace, int[] into, int n)
    {
        if (from >= to)
        {
            return n;
        }

        var last = (to - 1) >> 6;
        for (var w = from >> 6; w <= last; w++)
        {
            var word = bits[w];
            if (w == from >> 6)
            {
                word &= ulong.MaxValue << (from & 63);
            }

            if (w == last && (to & 63) != 0)
            {
                word &= (1UL << (to & 63)) - 1;
            }

            while (word != 0)
            {
                into[n++] = atPlace[(w << 6) + BitOperations.TrailingZeroCount(word)];
                word &= word - 1;
            }
        }

        return n;
    }
}
