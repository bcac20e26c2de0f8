using System.Globalization;
using System.Text.Json;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Ingest.Formats.Spdx2;

namespace ArtifactGraph.Ingest.Formats.Kubernetes;

/// <summary>A container of a pod (or pod template): its declared image and, from a Pod's status, the digest running.</summary>
internal sealed record KubernetesContainer(string Name, string Image, string? Digest, string Pointer);

/// <summary>
/// Where each workload kind keeps its pod template, and what the template and a Pod's status say: containers and
/// initContainers (ephemeral debug containers are not the workload's images), and
/// <c>status.containerStatuses[].imageID</c> / <c>initContainerStatuses</c> digests
/// (<c>docker-pullable://repo@sha256:…</c>, <c>repo@sha256:…</c>, <c>docker://sha256:…</c>).
/// </summary>
internal static class KubernetesPodSpec
{
    public static readonly IReadOnlySet<string> WorkloadKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob",
    };

    /// <summary>The pod template (<c>metadata</c> + <c>spec</c>) of a workload, or the Pod itself; null when absent.</summary>
    public static (JsonElement Template, string Pointer)? Template(KubernetesObject obj)
    {
        if (obj.Kind == "Pod")
        {
            return (obj.Element, obj.Pointer);
        }

        var path = obj.Kind == "CronJob" ? new[] { "spec", "jobTemplate", "spec", "template" } : ["spec", "template"];
        var current = obj.Element;
        var pointer = obj.Pointer;
        foreach (var step in path)
        {
            if (Spdx2Json.Object(current, step, pointer) is not { } next)
            {
                return null;
            }

            current = next;
            pointer = Spdx2Json.Child(pointer, step);
        }

        return (current, pointer);
    }

    public static List<KubernetesContainer> Containers(JsonElement template, string pointer)
    {
        var result = new List<KubernetesContainer>();
        if (Spdx2Json.Object(template, "spec", pointer) is not { } spec)
        {
            return result;
        }

        var specPointer = pointer + "/spec";
        var digests = template.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
            ? StatusDigests(status, pointer + "/status")
            : [];
        foreach (var list in new[] { "initContainers", "containers" })
        {
            foreach (var (container, containerPointer) in Spdx2Json.Objects(spec, list, specPointer))
            {
                var image = Spdx2Json.Scalar(container, "image", containerPointer);
                if (string.IsNullOrWhiteSpace(image))
                {
                    continue; // an image-less container is invalid in Kubernetes; nothing runs to link
                }

                var name = Spdx2Json.Scalar(container, "name", containerPointer) ?? string.Empty;
                result.Add(new KubernetesContainer(name, image.Trim(), digests.GetValueOrDefault(name), containerPointer + "/image"));
            }
        }

        return result;
    }

    /// <summary><c>spec.replicas</c> of a workload object, else a DaemonSet's <c>status.desiredNumberScheduled</c>.</summary>
    public static int? Replicas(KubernetesObject obj)
    {
        var source = obj.Kind == "DaemonSet" ? ("status", "desiredNumberScheduled") : ("spec", "replicas");
        if (Spdx2Json.Object(obj.Element, source.Item1, obj.Pointer) is { } section
            && Spdx2Json.Scalar(section, source.Item2, obj.Pointer + "/" + source.Item1) is { } text
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var replicas))
        {
            return replicas;
        }

        return null;
    }

    /// <summary>The digest in an imageID or a status image, when it is a SHA-256 digest.</summary>
    public static string? DigestOf(string? imageId)
    {
        if (string.IsNullOrWhiteSpace(imageId))
        {
            return null;
        }

        var value = imageId.Trim();
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        value = scheme >= 0 ? value[(scheme + 3)..] : value;
        var at = value.LastIndexOf('@');
        value = at >= 0 ? value[(at + 1)..] : value;
        return Digest.TryParse(value, out var digest, out _) && digest.Algorithm == "sha256" && digest.Hex.Length == 64 ? digest.ToString() : null;
    }

    private static Dictionary<string, string> StatusDigests(JsonElement status, string pointer)
    {
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var list in new[] { "initContainerStatuses", "containerStatuses" })
        {
            foreach (var (entry, entryPointer) in Spdx2Json.Objects(status, list, pointer))
            {
                var name = Spdx2Json.Scalar(entry, "name", entryPointer);
                var digest = DigestOf(Spdx2Json.Scalar(entry, "imageID", entryPointer)) ?? DigestInReference(Spdx2Json.Scalar(entry, "image", entryPointer));
                if (name is not null && digest is not null)
                {
                    digests.TryAdd(name, digest);
                }
            }
        }

        return digests;
    }

    private static string? DigestInReference(string? image) =>
        image is not null && image.Contains('@', StringComparison.Ordinal) ? DigestOf(image) : null;
}
