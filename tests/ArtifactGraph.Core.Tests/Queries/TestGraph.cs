using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Tests.Queries;

/// <summary>A tiny fluent graph for query tests: nodes by (kind, key), edges by their keys.</summary>
internal sealed class TestGraph
{
    private readonly GraphIndexBuilder _builder = new();

    public TestGraph Node(NodeKind kind, string key, string? name = null)
    {
        _builder.AddNode(kind, key, name);
        return this;
    }

    /// <summary>A PackageVersion with its Package and VERSION_OF edge, as the readers emit them.</summary>
    public TestGraph Version(string purl, string packageKey)
    {
        var version = _builder.AddNode(NodeKind.PackageVersion, purl, null);
        var package = _builder.AddNode(NodeKind.Package, packageKey, null);
        _builder.AddEdge(version, package, EdgeKind.VersionOf);
        return this;
    }

    public TestGraph Edge(NodeKind fromKind, string from, EdgeKind kind, NodeKind toKind, string to)
    {
        Assert.True(_builder.TryFind(new NodeRef(fromKind, from), out var f), $"unknown node {from}");
        Assert.True(_builder.TryFind(new NodeRef(toKind, to), out var t), $"unknown node {to}");
        _builder.AddEdge(f, t, kind);
        return this;
    }

    public GraphIndex Build() => _builder.Build(1);
}
