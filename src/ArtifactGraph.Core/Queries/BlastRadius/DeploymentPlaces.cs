using ArtifactGraph.Core.Sorting;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>
/// Every known deployment's place in one snapshot-wide order: environment (for one configured environment
/// order), internet-facing first, more replicas first, then by name — the ranking's keys except whether the
/// affected version has a fix, which depends on the query. Deployments with equal environment, exposure and
/// replicas form a group of consecutive places; within a group the query puts fixable ones first.
/// <para>
/// Ranking a query's deployments is then marking their places in a bitmap and reading it in order: linear in
/// the deployments reached plus one bit per deployment of the snapshot, where sorting 30,000 keys took five
/// radix passes.
/// </para>
/// </summary>
internal sealed class DeploymentPlaces
{
    /// <summary>Bits of a sort key below the group: the ordinal. The group key may use the other 34.</summary>
    public const int OrdinalBits = 30;

    private readonly int[] _placeOf;
    private readonly int[] _placeOfSlot;
    private readonly int[] _ordinalAt;
    private readonly int[] _groupStarts;

    private DeploymentPlaces(int[] placeOf, int[] placeOfSlot, int[] ordinalAt, int[] groupStarts)
    {
        _placeOf = placeOf;
        _placeOfSlot = placeOfSlot;
        _ordinalAt = ordinalAt;
        _groupStarts = groupStarts;
    }

    /// <summary>How many places (every deployment of the snapshot, known or not).</summary>
    public int Count => _placeOf.Length;

    /// <summary>The first place of each group, ascending, then <see cref="Count"/>.</summary>
    public ReadOnlySpan<int> GroupStarts => _groupStarts;

    /// <summary>
    /// The place of the deployment whose ordinal (place by name) is <paramref name="ordinal"/>; -1 when its facts were not
    /// known when these places were built, so an answer can tell it must read them first.
    /// </summary>
    public int Of(int ordinal) => _placeOf[ordinal];

    /// <summary>The ordinal of the deployment at <paramref name="place"/>.</summary>
    public int OrdinalAt(int place) => _ordinalAt[place];

    /// <summary>As <see cref="Of"/>, by slot (rank in id order): a run of consecutive deployments reads consecutive entries.</summary>
    public ReadOnlySpan<int> PlaceOfSlot => _placeOfSlot;

    /// <summary>
    /// Orders the facts by <paramref name="groupKey"/> (at most 64 − <see cref="OrdinalBits"/> bits), then ordinal. Facts not yet
    /// known take a place in the order too, but <see cref="Of"/> does not give it.
    /// </summary>
    /// <param name="known">Whether the fact of an ordinal is known.</param>
    /// <param name="ordinalOfSlot">Each slot's ordinal.</param>
    public static DeploymentPlaces Build(ReadOnlySpan<DeploymentFacts.Fact> facts, Func<int, bool> known, Func<DeploymentFacts.Fact, ulong> groupKey, int[] ordinalOfSlot)
    {
        var keys = new ulong[facts.Length];
        var ordinals = new int[facts.Length];
        for (var i = 0; i < facts.Length; i++)
        {
            // The index is the ordinal: facts are stored by place by name.
            keys[i] = (groupKey(facts[i]) << OrdinalBits) | (uint)i;
            ordinals[i] = i;
        }

        RadixSort.Sort(keys, ordinals);
        var placeOf = new int[facts.Length];
        var groupStarts = new List<int>();
        for (var place = 0; place < ordinals.Length; place++)
        {
            placeOf[ordinals[place]] = known(ordinals[place]) ? place : -1;
            if (place == 0 || keys[place] >> OrdinalBits != keys[place - 1] >> OrdinalBits)
            {
                groupStarts.Add(place);
            }
        }

        groupStarts.Add(facts.Length);
        var placeOfSlot = new int[ordinalOfSlot.Length];
        for (var slot = 0; slot < placeOfSlot.Length; slot++)
        {
            placeOfSlot[slot] = placeOf[ordinalOfSlot[slot]];
        }

        return new DeploymentPlaces(placeOf, placeOfSlot, ordinals, [.. groupStarts]);
    }
}
