using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>The CLI's <c>stats --json</c>, plus the snapshot the request reads.</summary>
internal sealed class StatsType : ObjectGraphType<StoreStatistics>
{
    public StatsType()
    {
        Name = "Stats";
        Description = "What the store holds (as `artifactgraph stats`), and the index snapshot this request reads.";
        Field<NonNullGraphType<IntGraphType>>("documents").ResolveSource(s => (int)s.Documents);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeKindCountType>>>>("nodes")
            .ResolveSource(s => s.Nodes.OrderBy(p => p.Key).Select(p => new KindCountModel(p.Key, p.Value)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeKindCountType>>>>("edges")
            .ResolveSource(s => s.Edges.OrderBy(p => p.Key).Select(p => new KindCountModel(p.Key, p.Value)).ToList());
        Field<NonNullGraphType<IntGraphType>>("indexNodes").Description("Nodes in the snapshot.").Resolve(c => c.Request().Index.NodeCount);
        Field<NonNullGraphType<IntGraphType>>("indexEdges").Description("Current edges in the snapshot.").Resolve(c => c.Request().Index.EdgeCount);
        Field<NonNullGraphType<StringGraphType>>("sequence").Description("The store change sequence the snapshot reflects (a 64-bit number, as text).")
            .Resolve(c => c.Request().Index.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

internal sealed class NodeKindCountType : ObjectGraphType<KindCountModel>
{
    public NodeKindCountType()
    {
        Name = "NodeKindCount";
        Field<NonNullGraphType<NodeKindEnum>>("kind").ResolveSource(s => (NodeKind)s.Kind);
        Field<NonNullGraphType<IntGraphType>>("count").ResolveSource(s => (int)s.Count);
    }
}

internal sealed class EdgeKindCountType : ObjectGraphType<KindCountModel>
{
    public EdgeKindCountType()
    {
        Name = "EdgeKindCount";
        Field<NonNullGraphType<EdgeKindEnum>>("kind").ResolveSource(s => (EdgeKind)s.Kind);
        Field<NonNullGraphType<IntGraphType>>("count").ResolveSource(s => (int)s.Count);
    }
}
