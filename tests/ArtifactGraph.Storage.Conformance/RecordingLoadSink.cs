using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Storage.Conformance;

/// <summary>Keeps what <see cref="IGraphStore.Load"/> streams, and checks nodes arrive before edges.</summary>
public sealed class RecordingLoadSink : IGraphLoadSink
{
    public Dictionary<long, (NodeKind Kind, string Key, string? Name)> Nodes { get; } = [];

    public List<(long From, long To, EdgeKind Kind)> Edges { get; } = [];

    public void OnNode(long id, NodeKind kind, string key, string? name)
    {
        Assert.Empty(Edges);
        Assert.True(Nodes.TryAdd(id, (kind, key, name)), $"Node id {id} was streamed twice.");
    }

    public void OnEdge(long fromId, long toId, EdgeKind kind)
    {
        Assert.True(Nodes.ContainsKey(fromId), $"Edge from unknown node id {fromId}.");
        Assert.True(Nodes.ContainsKey(toId), $"Edge to unknown node id {toId}.");
        Edges.Add((fromId, toId, kind));
    }

    public long IdOf(NodeRef node) => Nodes.Single(n => n.Value.Kind == node.Kind && n.Value.Key == node.Key).Key;

    /// <summary>The edges as (kind, from, to) node references.</summary>
    public HashSet<(EdgeKind Kind, NodeRef From, NodeRef To)> EdgeRefs() =>
        Edges.Select(e => (e.Kind, Ref(e.From), Ref(e.To))).ToHashSet();

    private NodeRef Ref(long id) => new(Nodes[id].Kind, Nodes[id].Key);
}
