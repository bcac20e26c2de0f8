using System.Text.Json;
using ArtifactGraph.Ingest.Formats.Spdx2;

namespace ArtifactGraph.Ingest.Formats.Kubernetes;

/// <summary>What one workload-kind object says, read while its document's locator is at hand (YAML lines).</summary>
internal sealed record KubernetesFacts(
    KubernetesObject Object,
    string Location,
    IReadOnlyList<KubernetesContainer> Containers,
    IReadOnlyList<IReadOnlyDictionary<string, string>> LabelSources,
    int? Replicas,
    Func<string, string> Locate)
{
    /// <summary>The labels its pods carry: a Pod's own, a workload's template labels.</summary>
    public IReadOnlyDictionary<string, string> PodLabels { get; init; } = Object.Labels;

    public static KubernetesFacts Read(KubernetesObject obj, Func<string, string> locate)
    {
        var sources = new List<IReadOnlyDictionary<string, string>> { obj.Labels, obj.Annotations };
        var containers = new List<KubernetesContainer>();
        var podLabels = obj.Labels;
        if (KubernetesPodSpec.Template(obj) is var (template, pointer))
        {
            if (obj.Kind != "Pod")
            {
                var metadata = Spdx2Json.Object(template, "metadata", pointer);
                podLabels = KubernetesObject.Map(metadata, "labels", pointer + "/metadata");
                sources.Add(podLabels);
                sources.Add(KubernetesObject.Map(metadata, "annotations", pointer + "/metadata"));
            }

            containers.AddRange(KubernetesPodSpec.Containers(template, pointer));
        }

        return new KubernetesFacts(obj, locate(obj.Pointer), containers, sources, obj.Kind == "Pod" ? null : KubernetesPodSpec.Replicas(obj), locate)
        {
            PodLabels = podLabels,
        };
    }

    /// <summary>Objects of a document: a <c>List</c> (or <c>PodList</c>, …) is opened, anything else is one object.</summary>
    public static IEnumerable<(JsonElement Element, string Pointer)> Flatten(JsonElement element, string pointer, int depth = 0)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw JsonPointers.WrongType(pointer.Length == 0 ? "/" : pointer, "a Kubernetes object", element.ValueKind);
        }

        var kind = Spdx2Json.Scalar(element, "kind", pointer);
        if (kind is not null && kind.EndsWith("List", StringComparison.Ordinal) && depth < 4 && element.TryGetProperty("items", out _))
        {
            return Spdx2Json.Objects(element, "items", pointer).SelectMany(i => Flatten(i.Item, i.Pointer, depth + 1)).ToList();
        }

        return [(element, pointer)];
    }
}
