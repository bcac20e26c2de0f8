using ArtifactGraph.Bench.Generator;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Queries.BlastRadius;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// The Deployment node properties the store holds after ingesting the generated inventories (what
/// DeploymentMapper writes: <c>deploy:*</c>, <c>live:*</c>), served from the generator's plans as a
/// <see cref="NodePropertyReader"/>, so blast radius ranks deployments without a store.
/// </summary>
internal sealed class GeneratedProperties
{
    private readonly Dictionary<NodeRef, IReadOnlyDictionary<string, string>> _byNode = [];

    public GeneratedProperties(Corpus corpus)
    {
        foreach (var cluster in corpus.Clusters)
        {
            _byNode[new NodeRef(NodeKind.Deployment, cluster.Key)] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["deploy:kind"] = "cluster",
                ["deploy:environment"] = cluster.Environment,
                ["deploy:cluster"] = cluster.Name,
            };
        }

        foreach (var deployment in corpus.Deployments)
        {
            _byNode[new NodeRef(NodeKind.Deployment, deployment.Key)] = deployment.Properties();
        }
    }

    /// <summary>As IGraphStore.GetNodeProperties: the nodes asked for that have properties.</summary>
    public IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> Read(IReadOnlyCollection<NodeRef> nodes)
    {
        var found = new Dictionary<NodeRef, IReadOnlyDictionary<string, string>>(nodes.Count);
        foreach (var node in nodes)
        {
            if (_byNode.TryGetValue(node, out var properties))
            {
                found[node] = properties;
            }
        }

        return found;
    }
}
