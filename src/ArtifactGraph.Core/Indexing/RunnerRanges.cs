using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Indexing;

/// <summary>
/// For each image, the deployments that run it when they are consecutive node ids (as the walk order numbers them), so
/// a dependents walk takes them as one range instead of reading the image's row and each deployment one by one.
/// Deployments are three nodes in four of a median blast radius.
/// </summary>
/// <remarks>
/// An image has a range only when every node that runs it is a deployment that runs nothing else, and its row lists
/// them in ascending order, one id after the other: the range is then exactly what reading the row's RUNS edges would
/// reach, in the same order. The walk takes ranges only when no runner has a row it would read
/// (<see cref="AppliesTo"/>), so a runner is always a leaf.
/// </remarks>
internal sealed class RunnerRanges
{
    // Per node: 0, or 1 + the index of its range in _ranges (first runner, count, slot): 4 bytes a node, 12 a range.
    private readonly int[]? _rangeOf;
    private readonly int[] _ranges;
    private readonly bool _allDeployments;
    private readonly uint _runnerReverseKinds;
    private readonly uint _runnerForwardKinds;

    private RunnerRanges(int[]? rangeOf, int[] ranges, bool allDeployments, uint runnerReverseKinds, uint runnerForwardKinds)
    {
        _rangeOf = rangeOf;
        _ranges = ranges;
        _allDeployments = allDeployments;
        _runnerReverseKinds = runnerReverseKinds;
        _runnerForwardKinds = runnerForwardKinds;
    }

    public long Bytes => ((_rangeOf?.LongLength ?? 0) + _ranges.LongLength) * 4;

    /// <summary>
    /// Whether a dependents walk over <paramref name="mask"/>, of which <paramref name="symmetric"/> is walked both ways,
    /// may take ranges (and keep runners as leaves: <see cref="Queries.LeafRuns"/>): it allows RUNS, and every runner is a
    /// deployment with no row it reads.
    /// </summary>
    public bool AppliesTo(uint mask, uint symmetric) =>
        _allDeployments && (mask & (1u << (int)EdgeKind.Runs)) != 0 && (_runnerReverseKinds & mask) == 0 && (_runnerForwardKinds & symmetric) == 0;

    /// <summary>Fetches the image's entry ahead of <see cref="TryGet"/>.</summary>
    public void Prefetch(int image)
    {
        if (_rangeOf is not null)
        {
            Queries.Prefetch.Of(_rangeOf, image);
        }
    }

    /// <summary>
    /// The image's runners as [first, first + count), and the first one's slot (its place among the snapshot's
    /// deployments in id order, so the others' follow); false when it has none or its row must be read.
    /// </summary>
    public bool TryGet(int image, out int first, out int count, out int slot)
    {
        var at = _rangeOf is null ? -1 : (_rangeOf[image] - 1) * 3;
        if (at < 0)
        {
            (first, count, slot) = (0, 0, 0);
            return false;
        }

        (first, count, slot) = (_ranges[at], _ranges[at + 1], _ranges[at + 2]);
        return true;
    }

    public static RunnerRanges Of(NodeKind[] kinds, Adjacency forward, Adjacency reverse)
    {
        const uint runs = 1u << (int)EdgeKind.Runs;
        uint reverseKinds = 0, forwardKinds = 0;
        var allDeployments = true;
        var forwardRows = forward.RowKinds;
        var reverseRows = reverse.RowKinds;

        var slotOf = new int[kinds.Length];
        Array.Fill(slotOf, -1);
        var bySlot = DeploymentsBySlot(kinds);
        for (var slot = 0; slot < bySlot.Length; slot++)
        {
            slotOf[bySlot[slot]] = slot;
        }

        for (var n = 0; n < kinds.Length; n++)
        {
            if ((forwardRows[n] & runs) != 0)
            {
                allDeployments &= kinds[n] == NodeKind.Deployment;
                reverseKinds |= reverseRows[n];
                forwardKinds |= forwardRows[n];
            }
        }

        int[]? rangeOf = null;
        var ranges = new List<int>();
        for (var image = 0; image < kinds.Length; image++)
        {
            if ((reverseRows[image] & runs) != 0 && RangeOf(image, kinds, forward, reverse) is var (first, count) && count > 0)
            {
                rangeOf ??= new int[kinds.Length];
                rangeOf[image] = (ranges.Count / 3) + 1;
                ranges.AddRange([first, count, slotOf[first]]);
            }
        }

        return new RunnerRanges(rangeOf, [.. ranges], allDeployments, reverseKinds, forwardKinds);
    }

    /// <summary>
    /// The snapshot's deployments in id order: a deployment's slot is its place here. The one numbering of slots, for the
    /// ranges' first slots and for <see cref="Queries.BlastRadius.DeploymentFacts"/>, which places a range's deployments
    /// by reading consecutive slots.
    /// </summary>
    public static int[] DeploymentsBySlot(NodeKind[] kinds)
    {
        var deployments = new List<int>();
        for (var node = 0; node < kinds.Length; node++)
        {
            if (kinds[node] == NodeKind.Deployment)
            {
                deployments.Add(node);
            }
        }

        return [.. deployments];
    }

    /// <summary>The image's runners when they are consecutive ids in row order, each a deployment running only this image.</summary>
    private static (int First, int Count)? RangeOf(int image, NodeKind[] kinds, Adjacency forward, Adjacency reverse)
    {
        var row = reverse.Of(image);
        int first = -1, count = 0;
        for (var i = 0; i < row.Count; i++)
        {
            if (row.Kind(i) != EdgeKind.Runs)
            {
                continue;
            }

            var runner = row.Target(i);
            if (first < 0)
            {
                first = runner;
            }

            if (runner != first + count || kinds[runner] != NodeKind.Deployment || !RunsOnlyOne(forward.Of(runner)))
            {
                return null;
            }

            count++;
        }

        return (first, count);
    }

    private static bool RunsOnlyOne(EdgeSpan row)
    {
        var runs = 0;
        for (var i = 0; i < row.Count; i++)
        {
            runs += row.Kind(i) == EdgeKind.Runs ? 1 : 0;
        }

        return runs == 1;
    }
}
