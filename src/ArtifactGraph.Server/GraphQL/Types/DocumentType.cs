using System.Globalization;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL.Models;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>An ingested document, as provenance and as a node (fields as the CLI's document JSON).</summary>
internal sealed class DocumentType : NodeObjectType
{
    public const string VerifiedProperty = "trust:verified";

    public DocumentType()
        : base(NodeKind.Document, "An ingested document (SBOM, attestation, advisory ...), kept by the SHA-256 of its bytes.")
    {
        Field<NonNullGraphType<StringGraphType>>("sha256").ResolveSource(s => s.Key[NodeModel.DocumentKeyPrefix.Length..]);
        Field<StringGraphType>("format").Resolve(c => Summary(c)?.Format);
        Field<StringGraphType>("ingestedAt").Description("ISO 8601, as the CLI writes it.").Resolve(c => Summary(c)?.IngestedAt.ToString("O", CultureInfo.InvariantCulture));
        Field<StringGraphType>("effectiveAt").Description("Creation time the document states, else its ingestion time.").Resolve(c => Summary(c)?.EffectiveAt.ToString("O", CultureInfo.InvariantCulture));
        Field<NonNullGraphType<BooleanGraphType>>("current").Description("False when a newer document about the same subject superseded it.").Resolve(c => Summary(c)?.IsCurrent ?? true);
        Field<NonNullGraphType<BooleanGraphType>>("verified").Description("Whether its signature was verified against a trusted key (property trust:verified).").Resolve(c => IsVerified(Summary(c)));
        Field<NodeInterface>("subject").Description("What the document describes.").Resolve(c => Subject(c));
    }

    public static bool IsVerified(DocumentSummary? document) =>
        document is not null && document.Properties.TryGetValue(VerifiedProperty, out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The stored document behind a Document node (looked up once per request).</summary>
    public static DocumentSummary? Summary(IResolveFieldContext<NodeModel> context) =>
        context.Source.Summary ??= context.Request().Document(context.Source.Key[NodeModel.DocumentKeyPrefix.Length..]);

    private static NodeModel? Subject(IResolveFieldContext<NodeModel> context)
    {
        var subject = Summary(context)?.Subject;
        var index = context.Source.Index;
        return subject is { } s && index.TryFind(s, out var id) ? new NodeModel(index, id) : null;
    }
}
