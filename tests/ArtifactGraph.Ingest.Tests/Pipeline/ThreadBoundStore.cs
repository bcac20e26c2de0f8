using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Ingest.Tests.Pipeline;

/// <summary>Passes every call to a store, failing any made from a thread other than the one that created it.</summary>
internal sealed class ThreadBoundStore(IGraphStore inner) : IGraphStore
{
    private readonly int _thread = Environment.CurrentManagedThreadId;

    public long ChangeSequence => Checked().ChangeSequence;

    public IDocumentWriter BeginDocument(string sha256, ReadOnlyMemory<byte> rawBytes) => Checked().BeginDocument(sha256, rawBytes);

    public IDocumentWriter BeginDocument(string sha256, RawDocument raw) => Checked().BeginDocument(sha256, raw);

    public bool ContainsDocument(string sha256) => Checked().ContainsDocument(sha256);

    public void Load(IGraphLoadSink sink, DateTimeOffset? asOf = null) => Checked().Load(sink, asOf);

    public IReadOnlyList<StoredClaim> LoadClaims(DateTimeOffset? asOf = null) => Checked().LoadClaims(asOf);

    public IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> GetNodeProperties(IReadOnlyCollection<NodeRef> nodes) => Checked().GetNodeProperties(nodes);

    public IReadOnlyList<DocumentSummary> GetEdgeDocuments(EdgeKind kind, NodeRef from, NodeRef to) => Checked().GetEdgeDocuments(kind, from, to);

    public IReadOnlyList<DocumentSummary> ListDocuments() => Checked().ListDocuments();

    public byte[]? GetRawDocument(string sha256) => Checked().GetRawDocument(sha256);

    public StoreStatistics GetStatistics() => Checked().GetStatistics();

    public void Dispose() => inner.Dispose();

    private IGraphStore Checked()
    {
        Assert.Equal(_thread, Environment.CurrentManagedThreadId);
        return inner;
    }
}
