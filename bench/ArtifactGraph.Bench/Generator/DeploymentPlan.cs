namespace ArtifactGraph.Bench.Generator;

/// <summary>One cluster of the generated estate: what its inventory document names.</summary>
internal sealed record ClusterPlan(int Index, string Environment, string Name)
{
    /// <summary>The inventory's file name and document name.</summary>
    public string FileName => $"inventory-{Name}.json";

    public string DocumentName => $"inventory {Environment}/{Name}";

    /// <summary>The cluster's own Deployment node (the inventory's subject).</summary>
    public string Key => Environment + "/" + Name;
}

/// <summary>
/// One workload of a cluster's inventory, running one image (by digest). <see cref="Replicas"/> null is a
/// DaemonSet-like workload with no replica count; <see cref="Exposure"/> null is not stated (mapped as internal).
/// </summary>
internal sealed record DeploymentPlan(ClusterPlan Cluster, string Namespace, string Kind, string Name, int Image, int? Replicas, string? Exposure)
{
    /// <summary>The Deployment node key, as DeploymentMapper builds it.</summary>
    public string Key => $"{Cluster.Environment}/{Cluster.Name}/{Namespace}/{Kind}/{Name}";

    public string DisplayName => Namespace + "/" + Name;

    /// <summary>The node properties the inventory mapper stores (what IGraphStore.GetNodeProperties returns).</summary>
    public Dictionary<string, string> Properties()
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["deploy:environment"] = Cluster.Environment,
            ["deploy:cluster"] = Cluster.Name,
            ["deploy:namespace"] = Namespace,
            ["deploy:workload"] = Name,
            ["deploy:kind"] = Kind,
            ["live:exposure"] = Exposure ?? "internal",
        };
        if (Replicas is { } replicas)
        {
            properties["live:replicas"] = replicas.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return properties;
    }
}
