using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.Auth;
using ArtifactGraph.Server.Operations;
using GraphQL;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>
/// The GraphQL user context of one request: the ONE index snapshot every field of the request reads
/// (taken once, so an ingest committed mid-request never tears an answer), the store for properties and
/// provenance, the caller, the limits, and per-request caches.
/// </summary>
internal sealed class RequestContext : Dictionary<string, object?>
{
    private Dictionary<string, DocumentSummary>? _documents;
    private IReadOnlyList<DocumentSummary>? _documentList;

    public required GraphIndex Index { get; init; }

    public required IGraphStore Store { get; init; }

    public required Caller Caller { get; init; }

    public required ServerOptions Options { get; init; }

    public required DocumentIngestion Ingestion { get; init; }

    /// <summary>Every stored document in commit order, read once per request.</summary>
    public IReadOnlyList<DocumentSummary> Documents => _documentList ??= Store.ListDocuments();

    /// <summary>A stored document by its hex SHA-256.</summary>
    public DocumentSummary? Document(string sha256)
    {
        _documents ??= Documents.ToDictionary(d => d.Sha256, StringComparer.Ordinal);
        return _documents.GetValueOrDefault(sha256);
    }
}

internal static class RequestContextExtensions
{
    public static RequestContext Request(this IResolveFieldContext context) => (RequestContext)context.UserContext;
}
