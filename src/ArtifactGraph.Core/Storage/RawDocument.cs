namespace ArtifactGraph.Core.Storage;

/// <summary>
/// A document's raw bytes with their stored form (<see cref="RawCompression.Encode"/>). Encoding is the slowest
/// per-byte step of a commit and needs no store, so it is done before the document's transaction opens: by the
/// ingest pipeline's read-ahead worker, off the committing thread, when documents are read ahead.
/// </summary>
public sealed class RawDocument
{
    public RawDocument(ReadOnlyMemory<byte> bytes)
    {
        Bytes = bytes;
        (Encoded, Encoding) = RawCompression.Encode(bytes.Span);
    }

    /// <summary>The original bytes (decompressed).</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>What <c>documents.raw</c> holds, in <see cref="Encoding"/>.</summary>
    public byte[] Encoded { get; }

    public string Encoding { get; }
}
