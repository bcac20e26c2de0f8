namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>Limits applied to every document before a reader sees it (DESIGN.md §7).</summary>
public sealed class IngestOptions
{
    /// <summary>Largest file accepted as given (compressed or not).</summary>
    public long MaxDocumentBytes { get; set; } = 1L << 30;

    /// <summary>Largest size a compressed document may expand to: a bound against decompression bombs.</summary>
    public long MaxDecompressedBytes { get; set; } = 2L << 30;

    /// <summary>Keys and Sigstore roots that signed documents are verified against (<c>--trust FILE</c>).</summary>
    public Trust.TrustStore Trust { get; set; } = Ingest.Trust.TrustStore.Empty;

    public void Validate()
    {
        if (MaxDocumentBytes <= 0 || MaxDecompressedBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDocumentBytes), "Document size limits must be positive.");
        }
    }
}
