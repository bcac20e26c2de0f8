using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Core.Storage;

/// <summary>
/// The durable graph. Every implementation passes the storage conformance suite.
/// Commits are atomic per document and idempotent by the document's SHA-256.
/// </summary>
public interface IGraphStore : IDisposable
{
    /// <summary>
    /// Commits one document in one transaction: its raw bytes (kept compressed), its nodes, its edges
    /// (each stored once, recording this document as asserting it) and a change-sequence entry.
    /// A document already present (same SHA-256) changes nothing and returns <see cref="CommitResult.AlreadyPresent"/>.
    /// Any failure rolls the whole document back.
    /// </summary>
    CommitResult Commit(IngestBatch batch, ReadOnlyMemory<byte> rawBytes)
    {
        using var writer = BeginDocument(batch.Document.Sha256, rawBytes);
        return writer.Complete(batch);
    }

    /// <summary>
    /// Opens the document's transaction (holding the store's write lock until disposed) so a large
    /// document can be written in chunks as it is read. Disposing without <see cref="IDocumentWriter.Complete"/>
    /// rolls everything back. When the document is already present the writer says so and writes nothing.
    /// </summary>
    IDocumentWriter BeginDocument(string sha256, ReadOnlyMemory<byte> rawBytes);

    /// <summary>
    /// <see cref="BeginDocument(string, ReadOnlyMemory{byte})"/> with the raw bytes already encoded for storage,
    /// so the encoding can be done on another thread while the previous document commits.
    /// </summary>
    IDocumentWriter BeginDocument(string sha256, RawDocument raw) => BeginDocument(sha256, raw.Bytes);

    bool ContainsDocument(string sha256);

    /// <summary>The highest committed change sequence (0 for an empty store).</summary>
    long ChangeSequence { get; }

    /// <summary>
    /// Streams the graph, nodes before edges, to build the in-memory index. Only edges asserted by a
    /// current document are sent: with <paramref name="asOf"/> null, documents not superseded; with a
    /// time, the documents current at that time (effective at or before it, and the latest for their
    /// subject among those). See graph-schema/ontology.md, "Supersession and history".
    /// </summary>
    void Load(IGraphLoadSink sink, DateTimeOffset? asOf = null);

    /// <summary>
    /// The claims (advisory ranges, VEX statements) of the documents current now or at <paramref name="asOf"/>,
    /// by the same rule as <see cref="Load"/>, in commit order.
    /// </summary>
    IReadOnlyList<StoredClaim> LoadClaims(DateTimeOffset? asOf = null);

    /// <summary>
    /// The stored property maps of the given nodes (nodes not stored are absent). Properties are the union
    /// over every document (first value wins), except keys starting with <c>live:</c>, which hold the value
    /// of the latest committed document that set them (attributes that move: replicas, exposure).
    /// </summary>
    IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> GetNodeProperties(IReadOnlyCollection<NodeRef> nodes);

    /// <summary>The documents that assert an edge, oldest first.</summary>
    IReadOnlyList<DocumentSummary> GetEdgeDocuments(EdgeKind kind, NodeRef from, NodeRef to);

    IReadOnlyList<DocumentSummary> ListDocuments();

    /// <summary>The document's original bytes (decompressed), or null when unknown.</summary>
    byte[]? GetRawDocument(string sha256);

    StoreStatistics GetStatistics();
}

/// <summary>One document's open transaction: chunks via <see cref="IBatchSink.Write"/>, then <see cref="Complete"/>.</summary>
public interface IDocumentWriter : IBatchSink, IDisposable
{
    /// <summary>True when a document with these bytes was committed before: nothing will be written.</summary>
    bool AlreadyPresent { get; }

    /// <summary>Writes the final chunk and the document's facts, decides supersession, and commits.</summary>
    CommitResult Complete(IngestBatch batch);
}

/// <summary>Receives the graph from <see cref="IGraphStore.Load"/>. Node ids are the store's, stable for a load.</summary>
public interface IGraphLoadSink
{
    void OnNode(long id, NodeKind kind, string key, string? name);

    void OnEdge(long fromId, long toId, EdgeKind kind);
}

/// <summary>
/// The outcome of a commit. <see cref="SupersessionChanged"/> is true when the document's subject has
/// other documents, so which of them is current was decided again (the index must then be reloaded,
/// not merely extended: edges may have stopped being current).
/// </summary>
public sealed record CommitResult(bool AlreadyPresent, long Sequence, long DocumentId, int NodesAdded, int EdgesAdded, bool SupersessionChanged = false);

/// <summary>
/// A stored document. <see cref="EffectiveAt"/> orders documents about one subject (created time, else
/// ingested time); <see cref="SupersededBy"/> is the id of the newer document that replaced it, if any.
/// </summary>
public sealed record DocumentSummary(long Id, string Sha256, string Format, string Name, DateTimeOffset IngestedAt, long Sequence, NodeRef? Subject, DateTimeOffset EffectiveAt, long? SupersededBy)
{
    public bool IsCurrent => SupersededBy is null;

    /// <summary>The document's properties as the reader recorded them (e.g. <c>trust:verified</c>, <c>specVersion</c>).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}

public sealed record StoreStatistics(long Documents, IReadOnlyDictionary<NodeKind, long> Nodes, IReadOnlyDictionary<EdgeKind, long> Edges);
