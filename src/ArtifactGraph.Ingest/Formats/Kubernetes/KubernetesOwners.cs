namespace ArtifactGraph.Ingest.Formats.Kubernetes;

/// <summary>
/// Collapses an object into the workload that owns it by following controller owner references: Pod →
/// ReplicaSet → Deployment, Pod → Job → CronJob, Pod → StatefulSet/DaemonSet. When an owner object is not in
/// the document (a <c>kubectl get pods</c> list) the naming conventions decide: a ReplicaSet named
/// <c>&lt;deployment&gt;-&lt;pod-template-hash&gt;</c> belongs to that Deployment, a Job named
/// <c>&lt;cronjob&gt;-&lt;scheduled minutes&gt;</c> (8+ digits) to that CronJob. A Pod owned by a Node (a static pod's mirror)
/// is its own workload.
/// </summary>
internal static class KubernetesOwners
{
    private const int MaxHops = 8;

    /// <summary>The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alike digits).</summary>
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static (string Kind, string Name) WorkloadOf(KubernetesObject start, IReadOnlyDictionary<(string Ns, string Kind, string Name), KubernetesObject> objects)
    {
        var current = start;
        for (var hop = 0; hop < MaxHops; hop++)
        {
            if (current.Owner is not { } owner || owner.Kind == "Node")
            {
                return (current.Kind, current.Name);
            }

            if (objects.TryGetValue((current.Namespace, owner.Kind, owner.Name), out var ownerObject))
            {
                current = ownerObject;
                continue;
            }

            return owner.Kind switch
            {
                "ReplicaSet" when DeploymentOf(owner.Name, current.Labels.GetValueOrDefault("pod-template-hash")) is { } deployment => ("Deployment", deployment),
                "Job" when CronJobOf(owner.Name) is { } cronJob => ("CronJob", cronJob),
                _ => owner,
            };
        }

        return (current.Kind, current.Name);
    }

    /// <summary>The Deployment of a ReplicaSet named <c>&lt;deployment&gt;-&lt;hash&gt;</c>, or null when the name does not follow that convention.</summary>
    public static string? DeploymentOf(string replicaSet, string? templateHash)
    {
        var dash = replicaSet.LastIndexOf('-');
        if (dash <= 0)
        {
            return null;
        }

        var suffix = replicaSet[(dash + 1)..];
        var isHash = templateHash is not null
            ? suffix == templateHash
            : suffix.Length is >= 5 and <= 10 && suffix.All(SafeAlphabet.Contains);
        return isHash ? replicaSet[..dash] : null;
    }

    /// <summary>The CronJob of a Job named <c>&lt;cronjob&gt;-&lt;scheduled time in minutes&gt;</c>, or null.</summary>
    public static string? CronJobOf(string job)
    {
        var dash = job.LastIndexOf('-');
        return dash > 0 && job.Length - dash - 1 >= 8 && job[(dash + 1)..].All(char.IsAsciiDigit) ? job[..dash] : null;
    }
}
