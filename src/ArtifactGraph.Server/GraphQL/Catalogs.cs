using System.Runtime.CompilerServices;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>
/// The advisory catalog of a snapshot, built once and shared by the fields that match advisories
/// (blastRadius, image). Every commit publishes a new snapshot, so a cached catalog can never be older
/// than the graph it is read with.
/// </summary>
internal static class Catalogs
{
    private static readonly ConditionalWeakTable<GraphIndex, AdvisoryCatalog> BySnapshot = [];

    public static AdvisoryCatalog For(RequestContext request) => For(request.Index, request.Store);

    public static AdvisoryCatalog For(GraphIndex index, Core.Storage.IGraphStore store) =>
        BySnapshot.GetValue(index, snapshot => AdvisoryCatalog.Load(store, snapshot));
}
