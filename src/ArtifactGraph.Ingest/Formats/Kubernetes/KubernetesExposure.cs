using ArtifactGraph.Ingest.Formats.Spdx2;

namespace ArtifactGraph.Ingest.Formats.Kubernetes;

/// <summary>
/// Internet exposure inferred from the Services and Ingresses in the same document, when no
/// <c>artifactgraph.io/exposure</c> label says otherwise: a workload whose pod labels match the selector of a
/// <c>LoadBalancer</c> Service (not annotated as an internal load balancer) or of a Service an Ingress routes to is
/// <c>internet</c>. NodePort and ClusterIP Services are not taken as internet-facing (node addresses are often private).
/// </summary>
internal sealed class KubernetesExposure
{
    private static readonly string[] InternalLoadBalancer =
    [
        "service.beta.kubernetes.io/aws-load-balancer-internal",
        "service.beta.kubernetes.io/azure-load-balancer-internal",
        "networking.gke.io/load-balancer-type",
        "cloud.google.com/load-balancer-type",
    ];

    private readonly Dictionary<(string Ns, string Name), IReadOnlyDictionary<string, string>> _selectors = [];
    private readonly HashSet<(string Ns, string Name)> _public = [];

    public void Add(KubernetesObject obj)
    {
        var spec = Spdx2Json.Object(obj.Element, "spec", obj.Pointer);
        if (obj.Kind == "Service" && spec is { } service)
        {
            _selectors[(obj.Namespace, obj.Name)] = KubernetesObject.Map(service, "selector", obj.Pointer + "/spec");
            var internalLb = InternalLoadBalancer.Any(k => obj.Annotations.TryGetValue(k, out var v) && v.Trim().ToLowerInvariant() is "true" or "internal");
            var stated = obj.Annotations.GetValueOrDefault("artifactgraph.io/exposure") ?? obj.Labels.GetValueOrDefault("artifactgraph.io/exposure");
            if (stated == "internet" || (stated is null && Spdx2Json.Scalar(service, "type", obj.Pointer + "/spec") == "LoadBalancer" && !internalLb))
            {
                _public.Add((obj.Namespace, obj.Name));
            }
        }
        else if (obj.Kind == "Ingress")
        {
            foreach (var name in IngressBackends(obj.Element))
            {
                _public.Add((obj.Namespace, name));
            }
        }
    }

    /// <summary>Whether any of the workload's pod label sets is selected by an internet-facing Service.</summary>
    public bool IsInternetFacing(string ns, IEnumerable<IReadOnlyDictionary<string, string>> podLabels) =>
        _public.Any(p => p.Ns == ns && _selectors.TryGetValue(p, out var selector) && selector.Count > 0
            && podLabels.Any(labels => selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value)));

    /// <summary>Service names an Ingress routes to (<c>networking.k8s.io/v1</c> and the older <c>serviceName</c>).</summary>
    private static List<string> IngressBackends(System.Text.Json.JsonElement ingress)
    {
        var names = new List<string>();
        void Walk(System.Text.Json.JsonElement element, int depth)
        {
            if (depth > 12)
            {
                return;
            }

            if (element.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "serviceName" && property.Value.ValueKind == System.Text.Json.JsonValueKind.String)
                    {
                        names.Add(property.Value.GetString()!);
                    }
                    else if (property.Name == "service" && property.Value.ValueKind == System.Text.Json.JsonValueKind.Object
                        && property.Value.TryGetProperty("name", out var name) && name.ValueKind == System.Text.Json.JsonValueKind.String)
                    {
                        names.Add(name.GetString()!);
                    }
                    else
                    {
                        Walk(property.Value, depth + 1);
                    }
                }
            }
            else if (element.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, depth + 1);
                }
            }
        }

        if (ingress.TryGetProperty("spec", out var spec))
        {
            Walk(spec, 0);
        }

        return names;
    }
}
