using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Ingest.Tests.Pipeline;

/// <summary>
/// Passes every call to a store, counting full loads (an index reload) and chunks written; a writer's chunk number
/// <see cref="FailChunk"/> (1-based) throws, as a failing disk or constraint would.
/// </summary>
internal sealed class CountingStore(IGraphStore inner) : IGraphStore
{
    public int Loads { get; private set; }

    public int ChunksWritten { get; private set; }

    public int? FailChunk { get; init; }

    public long ChangeSequence => inner.ChangeSequence;

    public IDocumentWriter BeginDocument(string sha256, ReadOnlyMemory<byte> rawBytes) => new Writer(inner.BeginDocument(sha256, rawBytes), this);

    public IDocumentWriter BeginDocument(string sha256, RawDocument raw) => new Writer(inner.BeginDocument(sha256, raw), this);

    public bool ContainsDocument(string sha256) => inner.ContainsDocument(sha256);

    public void Load(IGraphLoadSink sink, DateTimeOffset? asOf = null)
    {
        Loads++;
        inner.Load(sink, asOf);
    }

    public IReadOnlyList<StoredClaim> LoadClaims(DateTimeOffset? asOf = null) => inner.LoadClaims(asOf);

    public IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> GetNodeProperties(IReadOnlyCollection<NodeRef> nodes) => inner.GetNodeProperties(nodes);

    public IReadOnlyList<DocumentSummary> GetEdgeDocuments(EdgeKind kind, NodeRef from, NodeRef to) => inner.GetEdgeDocuments(kind, from, to);

    public IReadOnlyList<DocumentSummary> ListDocuments() => inner.ListDocuments();

    public byte[]? GetRawDocument(string sha256) => inner.GetRawDocument(sha256);

    public StoreStatistics GetStatistics() => inner.GetStatistics();

    public void Dispose() => inner.Dispose();

    private sealed class Writer(IDocumentWriter writer, CountingStore store) : IDocumentWriter
    {
        public bool AlreadyPresent => writer.AlreadyPresent;

        public void Write(IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges)
        {
            if (++store.ChunksWritten == store.FailChunk)
            {
                throw new InvalidOperationException($"chunk {store.ChunksWritten} failed");
            }

            writer.Write(nodes, edges);
        }

        public CommitResult Complete(IngestBatch batch) => writer.Complete(batch);

        public void Dispose() => writer.Dispose();
    }
}
