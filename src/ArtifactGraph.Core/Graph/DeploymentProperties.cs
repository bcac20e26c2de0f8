using System.Globalization;

namespace ArtifactGraph.Core.Graph;

/// <summary>
/// The properties inventory readers store on a Deployment node (ontology.md, "Deployments and images"), named in
/// one place for the mapper that writes them and every answer that reads them (ranking, <c>image</c> in the CLI
/// and GraphQL).
/// </summary>
public static class DeploymentProperties
{
    public const string Environment = "deploy:environment";

    public const string Cluster = "deploy:cluster";

    public const string Exposure = "live:exposure";

    public const string Replicas = "live:replicas";

    /// <summary>What an answer says when the inventory names no environment or cluster.</summary>
    public const string Unknown = "unknown";

    public static string EnvironmentOf(IReadOnlyDictionary<string, string>? properties) =>
        properties?.GetValueOrDefault(Environment) ?? Unknown;

    public static string ClusterOf(IReadOnlyDictionary<string, string>? properties) =>
        properties?.GetValueOrDefault(Cluster) ?? Unknown;

    /// <summary>The stored replica count, or null when there is none or it does not parse.</summary>
    public static int? ReplicasOf(IReadOnlyDictionary<string, string>? properties) =>
        int.TryParse(properties?.GetValueOrDefault(Replicas), NumberStyles.Integer, CultureInfo.InvariantCulture, out var replicas) ? replicas : null;
}
