using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Indexing;

/// <summary>
/// What a snapshot was built from when a committed batch was applied over the one before
/// (<see cref="GraphIndexHolder.Apply"/>): that snapshot, held weakly (nothing is kept alive for this), and the
/// nodes the batch named. A per-snapshot cache may carry over from the previous snapshot what concerns nodes the
/// batch did not name, since only a batch naming a node changes its properties (a supersession reloads the
/// whole snapshot, which has no lineage).
/// </summary>
internal sealed record SnapshotLineage(WeakReference<GraphIndex> Previous, IReadOnlySet<NodeRef> Named)
{
    /// <summary>How many snapshots back <see cref="Before{T}"/> looks for one a cache was built for.</summary>
    public const int MaxHops = 32;

    /// <summary>
    /// What <paramref name="find"/> finds for the nearest earlier snapshot (at most <see cref="MaxHops"/> back, while
    /// still alive) that has it, and every node named by the batches applied since that snapshot.
    /// </summary>
    public static (T Found, HashSet<NodeRef> NamedSince)? Before<T>(GraphIndex snapshot, Func<GraphIndex, T?> find)
        where T : class
    {
        var named = new HashSet<NodeRef>();
        var current = snapshot;
        for (var hop = 0; hop < MaxHops && current.Lineage is { } lineage; hop++)
        {
            named.UnionWith(lineage.Named);
            if (!lineage.Previous.TryGetTarget(out var previous))
            {
                return null;
            }

            if (find(previous) is { } found)
            {
                return (found, named);
            }

            current = previous;
        }

        return null;
    }
}
