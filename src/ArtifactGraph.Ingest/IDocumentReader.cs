using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest;

/// <summary>
/// Reads one document format into an <see cref="IngestBatch"/>. Readers are pure: no storage, no clock,
/// no network. A document they cannot read is rejected with <see cref="DocumentRejectedException"/>
/// naming the location (JSON pointer, line) and the reason.
/// </summary>
public interface IDocumentReader
{
    /// <summary>The format's name as recorded on Document nodes, e.g. <c>CycloneDX-JSON</c>.</summary>
    string Format { get; }

    /// <summary>Whether the content looks like this format. Looks at content, never at the file name.</summary>
    bool CanRead(DocumentInput input);

    IngestBatch Read(DocumentInput input);
}

/// <summary>
/// A document's bytes (already decompressed), its display name and the SHA-256 of the bytes.
/// <see cref="Spill"/>, set by the pipeline, lets a large document leave the reader in chunks; readers
/// get their builder from <see cref="NewBuilder"/> so they never need to know.
/// </summary>
public sealed record DocumentInput(string Name, ReadOnlyMemory<byte> Content, string Sha256)
{
    public IBatchSink? Spill { get; init; }

    /// <summary>
    /// What the caller knows that the document may not say (ingest <c>--cluster</c>, <c>--environment</c>):
    /// keys <c>cluster</c>, <c>environment</c>. Inventory readers let them win over the document's labels and fields:
    /// the caller stated them about these very files (graph-schema/ontology.md, "Deployments and images").
    /// </summary>
    public IReadOnlyDictionary<string, string> Hints { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The keys and roots signatures are checked against (<c>ingest --trust FILE</c>); empty when none
    /// were configured, so signed documents are stored unverified.
    /// </summary>
    public Trust.TrustStore Trust { get; init; } = Ingest.Trust.TrustStore.Empty;

    /// <summary>Records per chunk handed to <see cref="Spill"/> (the pipeline lowers it for large documents).</summary>
    public int SpillThreshold { get; init; } = IngestBatchBuilder.DefaultSpillThreshold;

    public IngestBatchBuilder NewBuilder() => new(Spill, SpillThreshold);
}
