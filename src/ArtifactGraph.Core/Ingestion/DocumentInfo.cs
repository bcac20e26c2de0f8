using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Ingestion;

/// <summary>
/// What a reader learned about the document itself. <see cref="Sha256"/> is of the raw bytes as given
/// (after decompression) and is the document's identity: the same bytes twice are one document.
/// </summary>
public sealed record DocumentInfo
{
    public required string Sha256 { get; init; }

    /// <summary>Reader format name, e.g. <c>CycloneDX-JSON</c>.</summary>
    public required string Format { get; init; }

    public string? SpecVersion { get; init; }

    /// <summary>The document's own name: file name, SPDX name, or CycloneDX serial number.</summary>
    public required string Name { get; init; }

    /// <summary>The node the document is about (CycloneDX metadata.component, SPDX DESCRIBES).</summary>
    public NodeRef? Subject { get; init; }

    /// <summary>When the document says it was created, if it says so.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>The Document node's key: <c>sha256:&lt;hex&gt;</c>.</summary>
    public NodeRef NodeRef => new(NodeKind.Document, "sha256:" + Sha256);
}
