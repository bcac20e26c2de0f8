using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// The dependents walk reduced to its core (reverse impact edges, OCCURS_AS both ways, visited bitmap)
/// to show how much of a query is traversal and how much is building the answer.
/// </summary>
internal static class BareWalk
{
    private static int[] _queue = [];
    private static bool[] _seen = [];

    public static int Reached(GraphIndex index, IReadOnlyList<int> starts)
    {
        if (_queue.Length < index.NodeCount)
        {
            _queue = new int[index.NodeCount];
            _seen = new bool[index.NodeCount];
        }

        Array.Clear(_seen);
        int head = 0, tail = 0;
        foreach (var start in starts)
        {
            if (!_seen[start])
            {
                _seen[start] = true;
                _queue[tail++] = start;
            }
        }

        var impact = EdgeKindSet.Impact;
        while (head < tail)
        {
            var node = _queue[head++];
            var incoming = index.Incoming(node);
            for (var i = 0; i < incoming.Count; i++)
            {
                var child = incoming.Target(i);
                if (impact.Contains(incoming.Kind(i)) && !_seen[child])
                {
                    _seen[child] = true;
                    _queue[tail++] = child;
                }
            }

            var outgoing = index.Outgoing(node);
            for (var i = 0; i < outgoing.Count; i++)
            {
                var child = outgoing.Target(i);
                if (outgoing.Kind(i) == EdgeKind.OccursAs && !_seen[child])
                {
                    _seen[child] = true;
                    _queue[tail++] = child;
                }
            }
        }

        return tail;
    }
}
