using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Ingest.Formats.Inventory;

/// <summary>
/// What a deployment inventory says, whatever its syntax (the artifactgraph/v1 inventory, Kubernetes objects):
/// the cluster it describes and the workloads running there. <see cref="DeploymentMapper"/> makes the graph.
/// </summary>
internal sealed class InventoryDocument
{
    /// <summary>Environment the document itself names (inventory <c>environment</c>, a Kubernetes label); hints win over it.</summary>
    public string? Environment { get; init; }

    public string? Cluster { get; init; }

    /// <summary>When the inventory was taken, if the document says so explicitly (never guessed from object timestamps).</summary>
    public DateTimeOffset? GeneratedAt { get; init; }

    public string? Name { get; init; }

    public List<InventoryWorkload> Workloads { get; } = [];

    /// <summary>Document properties (namespaced), e.g. counts of objects that are not workloads.</summary>
    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);
}

/// <summary>One workload: a Deployment, StatefulSet, DaemonSet, Job, CronJob, bare Pod, or an inventory entry.</summary>
internal sealed class InventoryWorkload
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>Lower-case kind: <c>deployment</c>, <c>statefulset</c>, <c>pod</c>, <c>service</c> (inventory default).</summary>
    public required string Kind { get; init; }

    /// <summary>Where the workload was stated (a JSON pointer or YAML line), for warnings.</summary>
    public required string Location { get; init; }

    /// <summary>Per-workload environment/cluster (Kubernetes labels), used when the caller gave no hint.</summary>
    public string? Environment { get; set; }

    public string? Cluster { get; set; }

    public int? Replicas { get; set; }

    /// <summary><c>internet</c> or <c>internal</c>; null means not stated (mapped as internal).</summary>
    public string? Exposure { get; set; }

    public string? Owner { get; set; }

    public List<InventoryImage> Images { get; } = [];
}

/// <summary>An image a workload runs: a parsed reference and, when known, the digest actually running.</summary>
internal sealed record InventoryImage(ImageReference Reference, string? Digest, string? Container);
