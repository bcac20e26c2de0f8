using ArtifactGraph.Core.Graph;
using ArtifactGraph.Server.GraphQL.Models;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>The documents asserting an edge, as Document nodes of the request's snapshot (the CLI's <c>why</c> provenance).</summary>
internal static class Provenance
{
    public static List<NodeModel> Documents(RequestContext request, EdgeKind kind, NodeModel from, NodeModel to) =>
        request.Store.GetEdgeDocuments(kind, from.Ref, to.Ref).Select(d => new NodeModel(request.Index, d)).ToList();
}
