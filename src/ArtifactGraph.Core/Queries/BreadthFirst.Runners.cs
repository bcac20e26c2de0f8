using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries;

/// <summary>How the walk takes the deployments that run an image (<see cref="RunnerRanges"/>, <see cref="LeafRuns"/>).</summary>
internal static partial class BreadthFirst
{
    /// <summary>An image's runners [<paramref name="first"/>, first + <paramref name="count"/>), as reading its RUNS edges would append them.</summary>
    private static int AppendRange(int first, int count, int position, byte flag, ulong[] visited, Tree tree, int tail)
    {
        var edge = (byte)((byte)EdgeKind.Runs | flag);
        for (var child = first; child < first + count; child++)
        {
            ref var word = ref visited[child >> 6];
            var bit = 1UL << child;
            if ((word & bit) == 0)
            {
                word |= bit;
                tail = tree.Append(child, position, edge, tail);
            }
        }

        return tail;
    }

    /// <summary>The RUNS edges of a node's whole row (a runner is never a hub, but the row is read whole to be sure) as runs of one.</summary>
    private static void AddRowRuns(LeafRuns runs, Adjacency along, int node, int position, ulong[] visited)
    {
        var targets = along.Targets;
        var kinds = along.Kinds;
        for (var i = along.Offsets[node]; i < along.Offsets[node + 1]; i++)
        {
            var child = targets[i];
            ref var word = ref visited[child >> 6];
            var bit = 1UL << child;
            if (kinds[i] == EdgeKind.Runs && (word & bit) == 0)
            {
                word |= bit;
                runs.AddOne(position, child);
            }
        }
    }
}
