using System.Globalization;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Inventory;

/// <summary>
/// An inventory → the graph: one <c>Deployment</c> node per workload, keyed
/// <c>&lt;environment&gt;/&lt;cluster&gt;/&lt;namespace&gt;/&lt;kind&gt;/&lt;name&gt;</c>, <c>RUNS</c> each image it runs. The
/// document's subject is the cluster (a Deployment keyed <c>&lt;environment&gt;/&lt;cluster&gt;</c>) so a newer inventory
/// of the same cluster supersedes the previous one: a workload that disappeared stops running, history stays
/// (<c>--as-of</c>). The cluster node has no edges of its own, so closures never report it.
/// </summary>
internal static class DeploymentMapper
{
    public static IngestBatch Map(InventoryDocument document, DocumentInput input, string format, IngestBatchBuilder builder)
    {
        var scope = new DeploymentScope(document, input.Hints);
        var unknown = false;
        foreach (var workload in document.Workloads)
        {
            var environment = scope.EnvironmentOf(workload);
            var cluster = scope.ClusterOf(workload);
            unknown |= environment == DeploymentScope.Unknown || cluster == DeploymentScope.Unknown;
            var deployment = AddWorkload(builder, workload, environment, cluster);
            foreach (var image in InventoryImageNodes.Effective(workload.Images))
            {
                var node = InventoryImageNodes.Add(builder, image);
                var edgeProperties = image.Container is null ? null : new Dictionary<string, string> { ["container"] = image.Container };
                builder.AddEdge(EdgeKind.Runs, deployment, node, edgeProperties);
            }
        }

        var subjectEnvironment = scope.SubjectEnvironment();
        var subjectCluster = scope.SubjectCluster();
        if (unknown || subjectEnvironment == DeploymentScope.Unknown || subjectCluster == DeploymentScope.Unknown)
        {
            builder.Warn("/", "environment or cluster unknown: pass ingest --environment NAME --cluster NAME, or label the workloads artifactgraph.io/environment and artifactgraph.io/cluster");
        }

        var subject = builder.AddNode(new NodeRef(NodeKind.Deployment, subjectEnvironment + "/" + subjectCluster), subjectCluster, new Dictionary<string, string>
        {
            ["deploy:kind"] = "cluster",
            [DeploymentProperties.Environment] = subjectEnvironment,
            [DeploymentProperties.Cluster] = subjectCluster,
        });
        var properties = new Dictionary<string, string>(document.Properties, StringComparer.Ordinal)
        {
            [DeploymentProperties.Environment] = subjectEnvironment,
            [DeploymentProperties.Cluster] = subjectCluster,
            ["deploy:workloads"] = document.Workloads.Select(w => (w.Namespace, w.Kind, w.Name)).Distinct().Count().ToString(CultureInfo.InvariantCulture),
        };
        return builder.Build(new DocumentInfo
        {
            Sha256 = input.Sha256,
            Format = format,
            Name = document.Name ?? input.Name,
            Subject = subject,
            CreatedAt = document.GeneratedAt,
            Properties = properties,
        });
    }

    private static NodeRef AddWorkload(IngestBatchBuilder builder, InventoryWorkload workload, string environment, string cluster)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DeploymentProperties.Environment] = environment,
            [DeploymentProperties.Cluster] = cluster,
            ["deploy:namespace"] = workload.Namespace,
            ["deploy:workload"] = workload.Name,
            ["deploy:kind"] = workload.Kind,
            [DeploymentProperties.Exposure] = workload.Exposure ?? "internal",
        };
        if (workload.Replicas is { } replicas)
        {
            properties[DeploymentProperties.Replicas] = replicas.ToString(CultureInfo.InvariantCulture);
        }

        if (workload.Owner is { } owner)
        {
            properties["live:owner"] = owner;
        }

        var key = $"{environment}/{cluster}/{workload.Namespace}/{workload.Kind}/{workload.Name}";
        return builder.AddNode(new NodeRef(NodeKind.Deployment, key), workload.Namespace + "/" + workload.Name, properties);
    }
}
