using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Core.Indexing;

/// <summary>
/// Owns the current snapshot. Readers take <see cref="Current"/> once per query; after each commit
/// <see cref="Apply"/> builds the next snapshot and publishes it with one reference swap.
/// </summary>
public sealed class GraphIndexHolder
{
    private readonly Lock _writeLock = new();
    private GraphIndex _current = GraphIndex.Empty;

    public GraphIndex Current => Volatile.Read(ref _current);

    /// <summary>Rebuilds the current snapshot from the store (at start, and after a supersession).</summary>
    public GraphIndex LoadFrom(IGraphStore store)
    {
        lock (_writeLock)
        {
            var snapshot = Build(store, asOf: null);
            Volatile.Write(ref _current, snapshot);
            return snapshot;
        }
    }

    /// <summary>A snapshot of the graph as it stood at <paramref name="asOf"/> (null: now). Not published.</summary>
    /// <param name="orderForWalks">False for a snapshot that answers one query (see <see cref="GraphIndexBuilder.OrderForWalks"/>).</param>
    public static GraphIndex Build(IGraphStore store, DateTimeOffset? asOf, bool orderForWalks = true)
    {
        var builder = new GraphIndexBuilder { OrderForWalks = orderForWalks };
        var sequence = store.ChangeSequence;
        store.Load(builder, asOf);
        return DerivedEdges.Add(builder.Build(sequence));
    }

    /// <summary>
    /// Publishes a snapshot that includes a committed batch. Copies the current snapshot: O(nodes + edges)
    /// per commit, which is fine for CLI runs and modest servers; see docs/BENCHMARKS-HISTORY.md.
    /// </summary>
    public GraphIndex Apply(IngestBatch batch, long sequence) => Apply([batch.Nodes], [batch.Edges], sequence);

    /// <summary>
    /// <see cref="Apply(IngestBatch, long)"/> for a document committed in chunks: every chunk's nodes in order, then
    /// every chunk's edges, which adds what the same document read as one batch adds (a node repeated in a later
    /// chunk keeps its first name, as the builder's merge does; a repeated edge is ignored).
    /// </summary>
    public GraphIndex Apply(IReadOnlyList<IReadOnlyList<NodeRecord>> nodeChunks, IReadOnlyList<IReadOnlyList<EdgeRecord>> edgeChunks, long sequence)
    {
        lock (_writeLock)
        {
            var builder = GraphIndexBuilder.From(Current);
            foreach (var nodes in nodeChunks)
            {
                for (var i = 0; i < nodes.Count; i++)
                {
                    builder.AddNode(nodes[i].Kind, nodes[i].Key, nodes[i].Name);
                }
            }

            foreach (var edges in edgeChunks)
            {
                for (var i = 0; i < edges.Count; i++)
                {
                    var edge = edges[i];
                    if (builder.TryFind(edge.From, out var from) && builder.TryFind(edge.To, out var to))
                    {
                        builder.AddEdge(from, to, edge.Kind);
                    }
                }
            }

            var snapshot = DerivedEdges.Add(builder.Build(sequence));
            snapshot.Lineage = new SnapshotLineage(new WeakReference<GraphIndex>(Current), nodeChunks.SelectMany(c => c).Select(n => n.Ref).ToHashSet());
            Volatile.Write(ref _current, snapshot);
            return snapshot;
        }
    }
}
