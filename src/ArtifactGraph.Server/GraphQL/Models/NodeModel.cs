using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Server.GraphQL.Models;

/// <summary>
/// A node as GraphQL sees it: an index node id in the request's snapshot, or (for a stored document
/// whose node the snapshot lacks) just the document's kind and key. <see cref="Id"/> is -1 then.
/// </summary>
internal sealed class NodeModel
{
    public const string DocumentKeyPrefix = "sha256:";

    private string? _key;

    public NodeModel(GraphIndex index, int id)
    {
        Index = index;
        Id = id;
        Kind = index.KindOf(id);
    }

    public NodeModel(GraphIndex index, DocumentSummary document)
    {
        Index = index;
        Kind = NodeKind.Document;
        _key = DocumentKeyPrefix + document.Sha256;
        Id = index.TryFind(NodeKind.Document, _key, out var id) ? id : -1;
        Summary = document;
    }

    public GraphIndex Index { get; }

    public int Id { get; }

    public NodeKind Kind { get; }

    public string Key => _key ??= Index.KeyOf(Id);

    public string? Name => Id >= 0 ? Index.NameOf(Id) : Summary?.Name;

    public NodeRef Ref => new(Kind, Key);

    public string GlobalId => GlobalIds.Encode(Kind, Key);

    /// <summary>For Document nodes: the stored document, when known.</summary>
    public DocumentSummary? Summary { get; set; }
}
