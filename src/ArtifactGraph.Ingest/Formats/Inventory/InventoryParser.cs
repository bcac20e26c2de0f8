using System.Globalization;
using System.Text.Json;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Ingest.Formats.Spdx2;

namespace ArtifactGraph.Ingest.Formats.Inventory;

/// <summary>
/// Reads the artifactgraph/v1 inventory (graph-schema/inventory.schema.json) from a JSON tree. Scalars are read
/// leniently (YAML gives every scalar as text), shapes strictly: a bad value rejects the document at its pointer.
/// </summary>
internal static class InventoryParser
{
    public const string Version = "artifactgraph/v1";

    public static InventoryDocument Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw JsonPointers.WrongType("/", "an object", root.ValueKind);
        }

        var version = Spdx2Json.Scalar(root, "inventory", string.Empty);
        if (version != Version)
        {
            throw new DocumentRejectedException("/inventory", $"expected \"{Version}\", found {(version is null ? "nothing" : $"\"{version}\"")}");
        }

        var document = new InventoryDocument
        {
            Environment = Spdx2Json.Scalar(root, "environment", string.Empty),
            Cluster = Spdx2Json.Scalar(root, "cluster", string.Empty),
            Name = Spdx2Json.Scalar(root, "name", string.Empty),
            GeneratedAt = Time(Spdx2Json.Scalar(root, "generatedAt", string.Empty)),
        };
        if (!root.TryGetProperty("workloads", out var workloads) || workloads.ValueKind != JsonValueKind.Array)
        {
            throw new DocumentRejectedException("/workloads", "an inventory needs a workloads array (empty when nothing runs)");
        }

        foreach (var (item, pointer) in Spdx2Json.Objects(root, "workloads", string.Empty))
        {
            document.Workloads.Add(Workload(item, pointer));
        }

        return document;
    }

    private static InventoryWorkload Workload(JsonElement item, string pointer)
    {
        var name = Spdx2Json.Scalar(item, "name", pointer);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DocumentRejectedException(pointer + "/name", "a workload needs a name");
        }

        var workload = new InventoryWorkload
        {
            Namespace = NonEmpty(Spdx2Json.Scalar(item, "namespace", pointer)) ?? "default",
            Name = name.Trim(),
            Kind = (NonEmpty(Spdx2Json.Scalar(item, "kind", pointer)) ?? "deployment").ToLowerInvariant(),
            Location = pointer,
            Replicas = Replicas(Spdx2Json.Scalar(item, "replicas", pointer), pointer + "/replicas"),
            Exposure = Exposure(Spdx2Json.Scalar(item, "exposure", pointer), pointer + "/exposure"),
            Owner = NonEmpty(Spdx2Json.Scalar(item, "owner", pointer)),
        };
        if (Spdx2Json.Scalar(item, "image", pointer) is { } image)
        {
            workload.Images.Add(Image(image, Spdx2Json.Scalar(item, "digest", pointer), null, pointer));
        }

        foreach (var (entry, entryPointer) in Spdx2Json.Objects(item, "images", pointer))
        {
            var reference = Spdx2Json.Scalar(entry, "image", entryPointer)
                ?? throw new DocumentRejectedException(entryPointer + "/image", "an images entry needs an image reference");
            workload.Images.Add(Image(reference, Spdx2Json.Scalar(entry, "digest", entryPointer), NonEmpty(Spdx2Json.Scalar(entry, "container", entryPointer)), entryPointer));
        }

        if (workload.Images.Count == 0)
        {
            throw new DocumentRejectedException(pointer, "a workload needs an image (or images)");
        }

        return workload;
    }

    private static InventoryImage Image(string text, string? digestText, string? container, string pointer)
    {
        if (!ImageReference.TryParse(text, out var reference, out var error))
        {
            throw new DocumentRejectedException(pointer + "/image", $"'{text}' is not an image reference: {error}");
        }

        string? digest = null;
        if (NonEmpty(digestText) is { } value)
        {
            if (!Digest.TryParse(value, out var parsed, out var digestError))
            {
                throw new DocumentRejectedException(pointer + "/digest", digestError);
            }

            digest = parsed.ToString();
            if (reference.Digest is { } inReference && inReference != digest)
            {
                throw new DocumentRejectedException(pointer + "/digest", $"differs from the digest in the image reference ({inReference})");
            }
        }

        return new InventoryImage(reference, digest, container);
    }

    private static int? Replicas(string? text, string pointer) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new DocumentRejectedException(pointer, $"replicas is a whole number ≥ 0, not '{text}'");

    /// <summary>Exposure is <c>internet</c> or <c>internal</c>; anything else is a mistake worth stopping for (it ranks incidents).</summary>
    public static string? Exposure(string? text, string pointer) => NonEmpty(text)?.ToLowerInvariant() switch
    {
        null => null,
        var value when value is "internet" or "internal" => value,
        _ => throw new DocumentRejectedException(pointer, $"exposure is 'internet' or 'internal', not '{text}'"),
    };

    private static DateTimeOffset? Time(string? text) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new DocumentRejectedException("/generatedAt", $"'{text}' is not an ISO 8601 date-time");

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
