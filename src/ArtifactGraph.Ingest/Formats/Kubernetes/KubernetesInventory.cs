using System.Globalization;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Inventory;

namespace ArtifactGraph.Ingest.Formats.Kubernetes;

/// <summary>
/// Kubernetes objects (from one or more documents) → an <see cref="InventoryDocument"/>: Pods, ReplicaSets and
/// Jobs collapse into the workload that owns them (<see cref="KubernetesOwners"/>); a workload runs every image
/// its template and its pods name. Objects that are not workloads (Services, ConfigMaps …) are counted in
/// <c>k8s:ignored:&lt;Kind&gt;</c>; Services and Ingresses still decide exposure (<see cref="KubernetesExposure"/>).
/// </summary>
internal sealed class KubernetesInventory
{
    private static readonly HashSet<string> Scaled = new(StringComparer.Ordinal) { "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController" };

    private readonly List<KubernetesFacts> _facts = [];
    private readonly SortedDictionary<string, int> _ignored = new(StringComparer.Ordinal);
    private readonly KubernetesExposure _exposure = new();

    public void Add(System.Text.Json.JsonElement root, Func<string, string> locate)
    {
        foreach (var (element, pointer) in KubernetesFacts.Flatten(root, string.Empty))
        {
            var obj = KubernetesObject.Parse(element, pointer);
            if (KubernetesPodSpec.WorkloadKinds.Contains(obj.Kind))
            {
                _facts.Add(KubernetesFacts.Read(obj, locate));
            }
            else
            {
                _exposure.Add(obj);
                _ignored[obj.Kind] = _ignored.GetValueOrDefault(obj.Kind) + 1;
            }
        }
    }

    public InventoryDocument Build(IngestBatchBuilder builder)
    {
        var objects = new Dictionary<(string, string, string), KubernetesObject>();
        foreach (var fact in _facts)
        {
            objects.TryAdd((fact.Object.Namespace, fact.Object.Kind, fact.Object.Name), fact.Object);
        }

        var groups = _facts
            .GroupBy(f => (f.Object.Namespace, Workload: KubernetesOwners.WorkloadOf(f.Object, objects)))
            .ToList();
        var document = new InventoryDocument();
        foreach (var group in groups)
        {
            document.Workloads.Add(Workload(group.Key.Namespace, group.Key.Workload, group.ToList(), builder, _exposure));
        }

        foreach (var (kind, count) in _ignored)
        {
            document.Properties["k8s:ignored:" + kind] = count.ToString(CultureInfo.InvariantCulture);
        }

        document.Properties["k8s:objects"] = (_facts.Count + _ignored.Values.Sum()).ToString(CultureInfo.InvariantCulture);
        return document;
    }

    /// <summary>The workload object is absent: its ReplicaSets (old ones scaled to 0 included) add up to its replicas.</summary>
    private static int? OwnedReplicas(List<KubernetesFacts> facts)
    {
        var counts = facts.Where(f => f.Object.Kind != "Pod" && f.Replicas is not null).Select(f => f.Replicas!.Value).ToList();
        return counts.Count == 0 ? null : counts.Sum();
    }

    private static InventoryWorkload Workload(string ns, (string Kind, string Name) id, List<KubernetesFacts> facts, IngestBatchBuilder builder, KubernetesExposure exposures)
    {
        var own = facts.FirstOrDefault(f => f.Object.Kind == id.Kind && f.Object.Name == id.Name);
        var ordered = own is null ? facts : [own, .. facts.Where(f => f != own)];
        var sources = ordered.SelectMany(f => f.LabelSources).ToList();
        var pods = facts.Count(f => f.Object.Kind == "Pod");
        var workload = new InventoryWorkload
        {
            Namespace = ns,
            Name = id.Name,
            Kind = id.Kind.ToLowerInvariant(),
            Location = ordered[0].Location,
            Environment = KubernetesLabels.Find(sources, KubernetesLabels.Environment),
            Cluster = KubernetesLabels.Find(sources, KubernetesLabels.Cluster),
            Owner = KubernetesLabels.Find(sources, KubernetesLabels.Owner),
            Replicas = own?.Replicas ?? OwnedReplicas(facts) ?? (pods > 0 ? pods : own is not null && Scaled.Contains(id.Kind) ? 1 : null),
        };
        var exposure = KubernetesLabels.Find(sources, KubernetesLabels.Exposure);
        try
        {
            workload.Exposure = InventoryParser.Exposure(exposure, workload.Location);
        }
        catch (DocumentRejectedException ex)
        {
            builder.Warn(ex.Location, ex.Reason + "; taken as internal");
        }

        if (workload.Exposure is null && exposures.IsInternetFacing(ns, facts.Select(f => f.PodLabels)))
        {
            workload.Exposure = "internet";
        }

        foreach (var fact in ordered)
        {
            foreach (var container in fact.Containers)
            {
                if (ImageReference.TryParse(container.Image, out var reference, out var error))
                {
                    workload.Images.Add(new InventoryImage(reference, container.Digest, container.Name));
                }
                else
                {
                    builder.Warn(fact.Locate(container.Pointer), $"image '{container.Image}' is not an image reference ({error}); not linked");
                }
            }
        }

        return workload;
    }
}
