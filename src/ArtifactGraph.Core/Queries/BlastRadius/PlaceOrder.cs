using System.Buffers;
using System.Numerics;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>One query's deployments in rank order, read from a bitmap of their places (<see cref="DeploymentPlaces"/>).</summary>
internal static class PlaceOrder
{
    /// <summary>
    /// Returns <paramref name="hits"/> (closure indices of the deployments whose ordinals are <paramref name="ordinals"/>)
    /// in place order. With <paramref name="fixable"/>, each group's fixable deployments come before its others.
    /// </summary>
    public static int[] Of(DeploymentPlaces places, ReadOnlySpan<int> ordinals, ReadOnlySpan<int> hits, bool[]? fixable)
    {
        var count = places.Count;
        var words = (count + 63) >> 6;
        var atPlace = ArrayPool<int>.Shared.Rent(count);
        var first = new ulong[words];
        var second = fixable is null ? null : new ulong[words];
        for (var i = 0; i < ordinals.Length; i++)
        {
            var place = places.Of(ordinals[i]);
            atPlace[place] = hits[i];
            var bits = second is null || fixable![i] ? first : second;
            bits[place >> 6] |= 1UL << place;
        }

        var ordered = GC.AllocateUninitializedArray<int>(ordinals.Length);
        var n = 0;
        if (second is null)
        {
            n = Read(first, 0, count, atPlace, ordered, n);
        }
        else
        {
            var starts = places.GroupStarts;
            for (var g = 0; g + 1 < starts.Length; g++)
            {
                n = Read(first, starts[g], starts[g + 1], atPlace, ordered, n);
                n = Read(second, starts[g], starts[g + 1], atPlace, ordered, n);
            }
        }

        ArrayPool<int>.Shared.Return(atPlace);
        return n == ordered.Length ? ordered : throw new InvalidOperationException($"{ordinals.Length} deployments took {n} places: two share one");
    }

    /// <summary>
    /// Every deployment hit of <paramref name="closure"/> (closure indices) in place order, in one pass over the closure's
    /// deployments: no gathering of hits, nodes and ordinals first. Null when a deployment was not known when the places
    /// were built (its facts must be read first); for when none is ordered by its fix.
    /// </summary>
    public static int[]? OfClosure(DeploymentPlaces places, DeploymentFacts facts, ClosureResult closure)
    {
        var count = places.Count;
        var atPlace = ArrayPool<int>.Shared.Rent(count);
        try
        {
            var marks = new ulong[(count + 63) >> 6];
            for (var depth = 0; depth < closure.RunDepths; depth++)
            {
                var (start, end) = closure.RunOf(Graph.NodeKind.Deployment, depth);
                for (var i = start; i < end; i++)
                {
                    var place = places.Of(facts.OrdinalOf(closure.NodeAt(i)));
                    if (place < 0)
                    {
                        return null;
                    }

                    atPlace[place] = i;
                    marks[place >> 6] |= 1UL << place;
                }
            }

            var ordered = GC.AllocateUninitializedArray<int>(closure.CountOf(Graph.NodeKind.Deployment));
            var n = Read(marks, 0, count, atPlace, ordered, 0);
            return n == ordered.Length ? ordered : throw new InvalidOperationException($"{ordered.Length} deployments took {n} places: two share one");
        }
        finally
        {
            ArrayPool<int>.Shared.Return(atPlace);
        }
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
