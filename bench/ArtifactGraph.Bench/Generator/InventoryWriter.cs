using System.Text.Json;

namespace ArtifactGraph.Bench.Generator;

/// <summary>
/// Writes one artifactgraph/v1 inventory (graph-schema/inventory.schema.json) per cluster: environment and
/// cluster at the top, each workload running its image by tagged reference and digest.
/// </summary>
internal static class InventoryWriter
{
    /// <summary>A stable generatedAt (the generator reads no clock).</summary>
    private static readonly DateTimeOffset TakenAt = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <returns>Bytes written.</returns>
    public static long Write(int seed, ClusterPlan cluster, IEnumerable<DeploymentPlan> workloads, string directory)
    {
        var path = Path.Combine(directory, cluster.FileName);
        using (var stream = File.Create(path))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("inventory", "artifactgraph/v1");
            json.WriteString("name", cluster.DocumentName);
            json.WriteString("environment", cluster.Environment);
            json.WriteString("cluster", cluster.Name);
            json.WriteString("generatedAt", TakenAt);
            json.WriteStartArray("workloads");
            foreach (var workload in workloads)
            {
                json.WriteStartObject();
                json.WriteString("namespace", workload.Namespace);
                json.WriteString("name", workload.Name);
                json.WriteString("kind", workload.Kind);
                json.WriteString("image", ImagePlanner.ImageName(workload.Image));
                json.WriteString("digest", Universe.Digest(seed, "image", workload.Image));
                if (workload.Replicas is { } replicas)
                {
                    json.WriteNumber("replicas", replicas);
                }

                if (workload.Exposure is { } exposure)
                {
                    json.WriteString("exposure", exposure);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return new FileInfo(path).Length;
    }
}
