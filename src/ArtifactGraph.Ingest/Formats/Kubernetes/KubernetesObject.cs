using System.Text.Json;
using ArtifactGraph.Ingest.Formats.Spdx2;

namespace ArtifactGraph.Ingest.Formats.Kubernetes;

/// <summary>One Kubernetes object's identity, labels, annotations and owner, with its JSON element and pointer.</summary>
internal sealed record KubernetesObject(
    string Kind,
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    (string Kind, string Name)? Owner,
    JsonElement Element,
    string Pointer)
{
    public static KubernetesObject Parse(JsonElement element, string pointer)
    {
        var kind = Spdx2Json.Scalar(element, "kind", pointer);
        if (string.IsNullOrWhiteSpace(kind))
        {
            throw new DocumentRejectedException(pointer + "/kind", "a Kubernetes object needs a kind");
        }

        var metadataPointer = pointer + "/metadata";
        var metadata = Spdx2Json.Object(element, "metadata", pointer);
        var name = metadata is { } m ? Spdx2Json.Scalar(m, "name", metadataPointer) : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DocumentRejectedException(metadataPointer + "/name", $"a {kind} needs metadata.name");
        }

        var ns = metadata is { } m2 ? Spdx2Json.Scalar(m2, "namespace", metadataPointer) : null;
        return new KubernetesObject(
            kind.Trim(),
            string.IsNullOrWhiteSpace(ns) ? "default" : ns.Trim(),
            name.Trim(),
            Map(metadata, "labels", metadataPointer),
            Map(metadata, "annotations", metadataPointer),
            metadata is { } m3 ? ControllerOwner(m3, metadataPointer) : null,
            element,
            pointer);
    }

    /// <summary>A string map (labels, annotations) of an optional object.</summary>
    public static IReadOnlyDictionary<string, string> Map(JsonElement? parent, string name, string pointer)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parent is { } p && Spdx2Json.Object(p, name, pointer) is { } obj)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (Spdx2Json.Scalar(obj, property.Name, Spdx2Json.Child(pointer, name)) is { } value)
                {
                    map[property.Name] = value;
                }
            }
        }

        return map;
    }

    /// <summary>The owner that controls the object (<c>controller: true</c>), else the first owner reference.</summary>
    private static (string Kind, string Name)? ControllerOwner(JsonElement metadata, string pointer)
    {
        (string, string)? first = null;
        foreach (var (owner, ownerPointer) in Spdx2Json.Objects(metadata, "ownerReferences", pointer))
        {
            var kind = Spdx2Json.Scalar(owner, "kind", ownerPointer);
            var name = Spdx2Json.Scalar(owner, "name", ownerPointer);
            if (string.IsNullOrWhiteSpace(kind) || string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            if (Spdx2Json.Scalar(owner, "controller", ownerPointer) == "true")
            {
                return (kind.Trim(), name.Trim());
            }

            first ??= (kind.Trim(), name.Trim());
        }

        return first;
    }
}
