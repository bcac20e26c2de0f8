using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL.Models;
using ArtifactGraph.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Queries;

/// <summary><c>documents(filter)</c> and <c>document(sha256)</c>: what was ingested, in commit order.</summary>
internal static class DocumentQueries
{
    public static void Add(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<DocumentConnectionType>>("documents")
            .Description("Ingested documents in commit order.")
            .Argument<DocumentFilterInput>("filter")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .RequireRole(ApiKeyRole.Reader)
            .Resolve(c =>
            {
                var request = c.Request();
                var filter = c.GetArgument<DocumentFilter?>("filter");
                var documents = request.Documents.Where(d => Matches(d, filter)).ToList();
                return Paging.Slice(c, documents.Count, i => new NodeModel(request.Index, documents[i]));
            });
        query.Field<DocumentType>("document")
            .Description("The document with this SHA-256 (hex), or null.")
            .Argument<NonNullGraphType<StringGraphType>>("sha256")
            .RequireRole(ApiKeyRole.Reader)
            .Resolve(c => c.Request().Document(c.GetArgument<string>("sha256").Trim().ToLowerInvariant()) is { } d ? new NodeModel(c.Request().Index, d) : null);
    }

    private static bool Matches(DocumentSummary document, DocumentFilter? filter) =>
        filter is null
        || ((filter.Format is null || string.Equals(document.Format, filter.Format, StringComparison.OrdinalIgnoreCase))
            && (filter.NameContains is null || document.Name.Contains(filter.NameContains, StringComparison.OrdinalIgnoreCase))
            && (filter.VerifiedOnly != true || DocumentType.IsVerified(document))
            && (filter.CurrentOnly != true || document.IsCurrent));
}
