using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Pipeline;

public enum IngestOutcome
{
    /// <summary>New document, committed.</summary>
    Ingested,

    /// <summary>The same bytes were ingested before: nothing changed.</summary>
    Unchanged,

    /// <summary>The document could not be read; nothing of it was committed.</summary>
    Rejected,
}

/// <summary>
/// What happened to one document. For a rejection, <see cref="Location"/> and <see cref="Reason"/> say
/// where and why, in words for the person who supplied the file.
/// </summary>
public sealed record IngestReport
{
    public required string Source { get; init; }

    public required IngestOutcome Outcome { get; init; }

    public string? Sha256 { get; init; }

    public string? Format { get; init; }

    public string? Location { get; init; }

    public string? Reason { get; init; }

    public int NodesAdded { get; init; }

    public int EdgesAdded { get; init; }

    public int Components { get; init; }

    public long Bytes { get; init; }

    public long Sequence { get; init; }

    public IReadOnlyList<IngestWarning> Warnings { get; init; } = [];
}
