namespace ArtifactGraph.Ingest.Formats.Kubernetes;

/// <summary>
/// The labels and annotations ArtifactGraph reads (graph-schema/ontology.md, "Deployments"). Keys are tried in
/// order, each over every source (the workload object, its pod template, then its ReplicaSets/Jobs/Pods).
/// </summary>
internal static class KubernetesLabels
{
    public static readonly string[] Environment = ["artifactgraph.io/environment", "environment", "env"];

    public static readonly string[] Cluster = ["artifactgraph.io/cluster"];

    public static readonly string[] Exposure = ["artifactgraph.io/exposure"];

    public static readonly string[] Owner = ["artifactgraph.io/owner", "owner", "team"];

    public static string? Find(IReadOnlyList<IReadOnlyDictionary<string, string>> sources, string[] keys)
    {
        foreach (var key in keys)
        {
            foreach (var source in sources)
            {
                if (source.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    return value.Trim();
                }
            }
        }

        return null;
    }
}
