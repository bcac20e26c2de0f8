using System.Buffers;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>
/// One query's deployments in rank order, as a bitmap of their places (<see cref="DeploymentPlaces"/>): the answer is that
/// bitmap, read by rank (<see cref="RankedPlaces"/>); which hit is at a place is found only when a ranked deployment is read
/// (<see cref="HitsOf"/>).
/// </summary>
internal static class PlaceOrder
{
    /// <summary>
    /// The places of every deployment hit of <paramref name="closure"/>, in order, in one pass over the closure's
    /// deployments. With <paramref name="fixable"/> (by closure index), each group's fixable deployments come before its
    /// others. Null when a deployment was not known when the places were built: its facts must be read first.
    /// </summary>
    public static RankedPlaces? Of(DeploymentPlaces places, DeploymentFacts facts, ClosureResult closure, Func<int, bool>? fixable)
    {
        var count = places.Count;
        var words = (count + 63) >> 6;
        var first = new ulong[words];
        var second = fixable is null ? null : new ulong[words];
        var marked = fixable is null
            ? ForEachDeployment(places, facts, closure, new Marker<AllFixable>(default, first, first))
            : ForEachDeployment(places, facts, closure, new Marker<FixableByPath>(new FixableByPath(fixable), first, second!));
        if (!marked)
        {
            return null;
        }

        var ranked = second is null ? RankedPlaces.Of(first, count) : RankedPlaces.ByGroup(places.GroupStarts, first, second);
        var deployments = closure.CountOf(Graph.NodeKind.Deployment);
        return ranked.Count == deployments ? ranked : throw new InvalidOperationException($"{deployments} deployments took {ranked.Count} places: two share one");
    }

    /// <summary>
    /// The closure hit of each deployment of <paramref name="ranked"/>, in rank order: for reading ranked deployments.
    /// Sized by the answer, not by the snapshot: a server keeps answers.
    /// </summary>
    public static int[] HitsOf(DeploymentPlaces places, DeploymentFacts facts, ClosureResult closure, RankedPlaces ranked)
    {
        var atPlace = ArrayPool<int>.Shared.Rent(places.Count);
        try
        {
            ForEachDeployment(places, facts, closure, new Noter(atPlace));
            var hits = new HitsByRank(atPlace, GC.AllocateUninitializedArray<int>(ranked.Count));
            ranked.ForEach(ref hits);
            return hits.Hits;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(atPlace);
        }
    }

    /// <summary>
    /// Calls <paramref name="action"/> with each deployment hit's place: those in the tree (all of them, unless the walk kept
    /// them beside their images), then the runs. False at the first deployment the places do not know (-1). Generic over
    /// the action so that the loops have no call in them (a call there cost ~2 points of the answer's profile: the loop's
    /// values no longer fitted in the registers a call leaves).
    /// </summary>
    private static bool ForEachDeployment<TAction>(DeploymentPlaces places, DeploymentFacts facts, ClosureResult closure, TAction action)
        where TAction : struct, IPlaceAction
    {
        for (var depth = 0; depth < closure.RunDepths; depth++)
        {
            var (start, end) = closure.RunOf(Graph.NodeKind.Deployment, depth);
            for (var i = start; i < end && !closure.IsLeaf(i); i++)
            {
                if (!action.Place(places.Of(facts.OrdinalOf(closure.NodeAt(i))), i))
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
        var (firsts, slots, ends) = (leaves.Firsts, leaves.Slots, leaves.Ends);
        var placeOfSlot = places.PlaceOfSlot;
        var runStart = 0;
        for (var r = 0; r < ends.Length; r++)
        {
            var (count, slot, hit) = (ends[r] - runStart, slots[r], leaves.HitOf(runStart));
            runStart = ends[r];
            if (slot < 0)
            {
                for (var j = 0; j < count; j++)
                {
                    if (!action.Place(places.Of(facts.OrdinalOf(firsts[r] + j)), hit + j))
                    {
                        return false;
                    }
                }

                continue;
            }

            foreach (var place in placeOfSlot.Slice(slot, count))
            {
                if (!action.Place(place, hit++))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private interface IPlaceAction
    {
        /// <summary>False when <paramref name="place"/> is -1 (not known).</summary>
        bool Place(int place, int hit);
    }

    /// <summary>Marks each place, in the first bitmap when its hit is fixable and in the second when not.</summary>
    private readonly struct Marker<TFixable>(TFixable fixable, ulong[] first, ulong[] second) : IPlaceAction
        where TFixable : struct, IFixable
    {
        public bool Place(int place, int hit)
        {
            if (place < 0)
            {
                return false;
            }

            var bits = fixable.IsFixable(hit) ? first : second;
            bits[place >> 6] |= 1UL << place;
            return true;
        }
    }

    /// <summary>Notes each place's hit.</summary>
    private readonly struct Noter(int[] hits) : IPlaceAction
    {
        public bool Place(int place, int hit)
        {
            if (place < 0)
            {
                return false;
            }

            hits[place] = hit;
            return true;
        }
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

    /// <summary>Writes the hit noted at each place beside its rank.</summary>
    private readonly struct HitsByRank(int[] atPlace, int[] hits) : IPlaceVisitor
    {
        public int[] Hits => hits;

        public void Visit(int rank, int place) => hits[rank] = atPlace[place];
    }
}
