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
    /// per commit, which is fine for CLI runs and modest servers; see docs/BENCHMARKS.md.
    /// </summary>
    public GraphIndex Apply(IngestBatch batch, long sequence)
    {
        lock (_writeLock)
        {
            var builder = GraphIndexBuilder.From(Current);
            foreach (var node in batch.Nodes)
            {
                builder.AddNode(node.Kind, node.Key, node.Name);
            }

            foreach (var edge in batch.Edges)
            {
                if (builder.TryFind(edge.From, out var from) && builder.TryFind(edge.To, out var to))
                {
                    builder.AddEdge(from, to, edge.Kind);
                }
            }

            var snapshot = DerivedEdges.Add(builder.Build(sequence));
            snapshot.Lineage = new SnapshotLineage(new WeakReference<GraphIndex>(Current), batch.Nodes.Select(n => n.Ref).ToHashSet());
            Volatile.Write(ref _current, snapshot);
            return snapshot;
        }
    }
}
