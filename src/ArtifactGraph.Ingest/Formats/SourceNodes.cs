using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats;

/// <summary>
/// Adds Source nodes the one way every reader must (graph-schema/ontology.md, "Source"): the repository
/// <c>&lt;url&gt;</c> and, when a revision is known, the repository at that revision <c>&lt;url&gt;@&lt;rev&gt;</c>
/// with <c>source:repository</c> and <c>source:revision</c> properties.
/// </summary>
internal static class SourceNodes
{
    public static NodeRef Add(IngestBatchBuilder builder, SourceLocation location, string? revision)
    {
        var repository = builder.AddNode(new NodeRef(NodeKind.Source, location.Repository), location.Repository, [new("source:repository", location.Repository)]);
        if (string.IsNullOrWhiteSpace(revision))
        {
            return repository;
        }

        var properties = new List<KeyValuePair<string, string>>
        {
            new("source:repository", location.Repository),
            new("source:revision", revision),
        };
        if (location.Ref is { } reference && reference != revision)
        {
            properties.Add(new("source:ref", reference));
        }

        return builder.AddNode(new NodeRef(NodeKind.Source, SourceLocation.AtRevision(location.Repository, revision)), location.Repository, properties);
    }
}
