using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries;

public enum Direction
{
    /// <summary>Walk edges backwards: who uses the start (impact, dependents).</summary>
    Dependents,

    /// <summary>Walk edges forwards: what the start uses (contents, dependencies).</summary>
    Dependencies,
}

/// <summary>Options of a closure walk. A null <see cref="MaxDepth"/> walks to the end.</summary>
public sealed record ClosureOptions
{
    public EdgeKindSet EdgeKinds { get; init; } = EdgeKindSet.Impact;

    public int? MaxDepth { get; init; }

    /// <summary>Stop collecting after this many hits (the walk itself is bounded by the graph).</summary>
    public int MaxResults { get; init; } = int.MaxValue;

    /// <summary>Nodes the walk must not enter (VEX-suppressed products): neither reported nor passed through.</summary>
    public IReadOnlyCollection<int>? Blocked { get; init; }
}

/// <summary>
/// Breadth-first closure over one snapshot with cycle safety: each node is reached once, at its
/// shortest depth, and keeps the edge it was reached by, so one shortest path per hit comes for free.
/// The walk counts and records hits without building anything per hit; see <see cref="ClosureResult"/>.
/// </summary>
public static class ClosureQuery
{
    private static readonly int KindCount = Enum.GetValues<NodeKind>().Length;

    /// <summary>Kinds that are answers; Package, Document and License nodes are structure, not answers.</summary>
    private const uint ReportedKinds = (1u << (int)NodeKind.PackageVersion) | (1u << (int)NodeKind.Artifact) | (1u << (int)NodeKind.Image)
        | (1u << (int)NodeKind.Deployment) | (1u << (int)NodeKind.Source) | (1u << (int)NodeKind.Builder);

    public static ClosureResult Run(GraphIndex index, IReadOnlyList<int> starts, Direction direction, ClosureOptions? options = null) =>
        Run(index, starts, direction, options ?? new ClosureOptions(), out _, out _);

    /// <summary>
    /// As <see cref="Run(GraphIndex, IReadOnlyList{int}, Direction, ClosureOptions?)"/>, leaving the walk's whole tree
    /// (<paramref name="walked"/> positions, non-answers included) in <paramref name="scratch"/> until the thread's next walk.
    /// </summary>
    internal static ClosureResult Run(GraphIndex index, IReadOnlyList<int> starts, Direction direction, ClosureOptions options, out TraversalScratch scratch, out int walked)
    {
        scratch = ScratchFor(index, options);

        var collector = new Collector
        {
            Edges = scratch.Edges,
            Hits = scratch.Hits,
            HitKinds = scratch.HitKinds,
            Max = options.MaxResults,
        };
        // Deployments are kept beside their images (LeafRuns) unless the walk may stop early: the collector counts every hit
        // it is called for. A suppression's region (LostRegion) reads a pruned walk's tree and visited bits for the nodes it
        // may touch; a deployment kept as a run is in neither, and needs not be: nothing lies behind it, so reaching it by a
        // shorter way changes no other depth, and one reached from the region through its only image is lost with it.
        var collectLeaves = options.MaxResults == int.MaxValue;
        walked = BreadthFirst.Walk(index, scratch, starts, direction, options.EdgeKinds, options.MaxDepth, ref collector, pruneAliasLeaves: true, collectLeaves);

        var count = collector.Count;
        var leaves = scratch.Leaves.Count > 0 ? scratch.Leaves : null;
        var (ordered, kindRuns, kindCounts, leafSegments) = Order(scratch, count, leaves);

        // Ancestors are discovered before their descendants, so the tree up to the last hit, or the last parent of a run of
        // deployments, holds every path.
        var length = Math.Max(count == 0 ? 0 : scratch.Hits[count - 1] + 1, leaves is null ? 0 : leaves.Parents[^1] + 1);
        var nodes = GC.AllocateUninitializedArray<int>(length);
        var parents = GC.AllocateUninitializedArray<int>(length);
        var edges = GC.AllocateUninitializedArray<byte>(length);
        scratch.Nodes.AsSpan(0, length).CopyTo(nodes);
        scratch.Parents.AsSpan(0, length).CopyTo(parents);
        scratch.Edges.AsSpan(0, length).CopyTo(edges);
        var tree = new ClosureResult.Tree(nodes, parents, edges, [.. scratch.LevelStarts]);
        return new ClosureResult(starts, direction, tree, ordered, kindCounts, kindRuns, leaves is null ? null : new ClosureResult.Leaves(leaves, leafSegments), collector.Truncated);
    }

    /// <summary>The thread's traversal scratch for a walk under <paramref name="options"/>: blocked nodes count as visited, so it never enters them.</summary>
    internal static TraversalScratch ScratchFor(GraphIndex index, ClosureOptions options)
    {
        var scratch = TraversalScratch.For(index.NodeCount);
        foreach (var blocked in options.Blocked ?? [])
        {
            scratch.TryVisit(blocked);
            scratch.DeploymentVisited |= index.Kinds[blocked] == NodeKind.Deployment;
        }

        return scratch;
    }

    /// <summary>
    /// Hits come in discovery order, which is already by depth; a stable sort by kind within each depth gives
    /// (depth, kind, discovery) without comparing keys. Also returns where each kind's run starts in each depth
    /// (<see cref="ClosureResult.IndicesOf"/>): KindCount + 1 entries a depth, the last its end; how many hits of each kind;
    /// and where each depth's <paramref name="leaves"/> are among the hits (<see cref="ClosureResult.Leaves.Segments"/>).
    /// </summary>
    /// <remarks>
    /// Not a counting sort's scatter: a level is mostly one kind, and a counter bumped per hit makes each hit wait on
    /// the last one's store. Each kind is counted by the vectorised <see cref="MemoryExtensions.Count{T}(ReadOnlySpan{T}, T)"/>,
    /// a level of one kind is copied whole, and a mixed level is gathered kind by kind. A depth's deployments kept as
    /// runs come after those in the tree (there are none in the tree when runs are kept); they take hit indices but are
    /// not written: the result finds them from their depth's segment (<see cref="ClosureResult"/>).
    /// </remarks>
    private static (int[] Ordered, int[] KindRuns, int[] KindCounts, int[] LeafSegments) Order(TraversalScratch scratch, int count, LeafRuns? leaves)
    {
        var hits = scratch.Hits;
        var kinds = scratch.HitKinds;
        var levels = scratch.LevelStarts;
        var leafCounts = leaves is null ? [] : leaves.Counts;

        var depths = Math.Max(levels.Count, leaves?.DepthStarts.Count ?? 0);
        var ordered = GC.AllocateUninitializedArray<int>(count);
        var runs = new int[depths * (KindCount + 1)];
        var counts = new int[KindCount];
        var segments = new List<int>();
        var h = 0;
        var written = 0;
        // Leaves take hit indices but no entry in ordered: a tree hit's entry is its index less the leaves before it.
        var leaf = 0;
        for (var level = 0; level < depths; level++)
        {
            // Hits are positions in discovery order, so ascending: the level's last is found by halving, not by a scan.
            var from = h;
            if (level + 1 < levels.Count)
            {
                var at = Array.BinarySearch(hits, from, count - from, levels[level + 1]);
                h = at >= 0 ? at : ~at;
            }
            else
            {
                h = count;
            }

            var levelHits = hits.AsSpan(from, h - from);
            var levelKinds = new ReadOnlySpan<byte>(kinds, from, h - from);
            var run = level * (KindCount + 1);
            for (var k = 0; k < KindCount; k++)
            {
                runs[run + k] = written;
                var c = levelKinds.Count((byte)k);
                if (c == levelHits.Length)
                {
                    levelHits.CopyTo(ordered.AsSpan(written - leaf));
                }
                else if (c > 0)
                {
                    Gather(levelHits, levelKinds, (byte)k, ordered.AsSpan(written - leaf, c));
                }

                written += c;
                counts[k] += c;
                if (k == (int)NodeKind.Deployment && leaves is not null)
                {
                    var (first, end) = leaves.AtDepth(level);
                    var n = 0;
                    for (var r = first; r < end; r++)
                    {
                        n += leafCounts[r];
                    }

                    if (n > 0)
                    {
                        segments.AddRange([written, leaf, n]);
                        (written, leaf, counts[k]) = (written + n, leaf + n, counts[k] + n);
                    }
                }
            }

            runs[run + KindCount] = written;
        }

        return (ordered, runs, counts, [.. segments]);
    }

    /// <summary>The hits of one kind, in order, into <paramref name="into"/> (exactly as many as there are).</summary>
    private static void Gather(ReadOnlySpan<int> hits, ReadOnlySpan<byte> kinds, byte kind, Span<int> into)
    {
        var n = 0;
        for (var j = 0; n < into.Length; j++)
        {
            if (kinds[j] == kind)
            {
                into[n++] = hits[j];
            }
        }
    }

    private struct Collector : IReachVisitor
    {
        public byte[] Edges;
        public int[] Hits;
        public byte[] HitKinds;
        public int Max;
        public int Count;
        public bool Truncated;

        public bool Reached(int position, int node, NodeKind kind, int depth)
        {
            if (!IsAnswer(kind, Edges[position]))
            {
                return true;
            }

            if (Count >= Max)
            {
                Truncated = true;
                return false;
            }

            HitKinds[Count] = (byte)kind;
            Hits[Count++] = position;
            return true;
        }
    }

    /// <summary>Whether a node of <paramref name="kind"/> reached by <paramref name="edge"/> (<see cref="TreeEdge"/>) is a hit.</summary>
    internal static bool IsAnswer(NodeKind kind, byte edge) =>
        (ReportedKinds & (1u << (int)kind)) != 0 && !IsDigestAlias(kind, edge);

    /// <summary>
    /// An artifact reached over OCCURS_AS is the digest of a package already on the path: the same thing
    /// under another name, so it is walked (images may contain the file) but not reported as an answer.
    /// An image reached from its digest image over RESOLVES_TO is its tag reference: also the same image.
    /// </summary>
    private static bool IsDigestAlias(NodeKind kind, byte edge) =>
        (kind == NodeKind.Artifact && TreeEdge.Kind(edge) == EdgeKind.OccursAs)
        || (kind == NodeKind.Image && TreeEdge.Kind(edge) == EdgeKind.ResolvesTo && TreeEdge.PointsToParent(edge));
}
