using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Ingestion;

/// <summary>
/// Everything one document asserts, normalized: readers produce it (purely), stores commit it in one
/// transaction. Nodes are unique by <see cref="NodeRef"/>, edges by (kind, from, to); every edge's ends
/// are among <see cref="Nodes"/>. Build it with <see cref="IngestBatchBuilder"/>.
/// </summary>
public sealed class IngestBatch
{
    internal IngestBatch(DocumentInfo document, IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges, IReadOnlyList<IngestWarning> warnings, bool isPartial, IngestTotals totals)
    {
        Document = document;
        Nodes = nodes;
        Edges = edges;
        Warnings = warnings;
        IsPartial = isPartial;
        Totals = totals;
    }

    /// <summary>
    /// True when earlier chunks of this document went to a spill sink: <see cref="Nodes"/> and
    /// <see cref="Edges"/> are then only the last chunk, and <see cref="Totals"/> counts the whole.
    /// </summary>
    public bool IsPartial { get; }

    public IngestTotals Totals { get; }

    public DocumentInfo Document { get; }

    public IReadOnlyList<NodeRecord> Nodes { get; }

    public IReadOnlyList<EdgeRecord> Edges { get; }

    public IReadOnlyList<IngestWarning> Warnings { get; }

    /// <summary>Advisory and VEX claims (never spilled: advisories are small).</summary>
    public IReadOnlyList<ClaimRecord> Claims { get; init; } = [];
}

/// <summary>Whole-document counts: distinct nodes, components (PackageVersion and Image nodes), edges.</summary>
public sealed record IngestTotals(int Nodes, int Components, long Edges);
