using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Inventory;

/// <summary>
/// The Image node a workload runs. With a digest: the Image keyed by that digest (images are identified by
/// digest; the same node an SBOM of that image makes). With only a tag: <c>ref:&lt;registry/repository&gt;:&lt;tag&gt;</c>
/// (canonical, <c>latest</c> when no tag is written) marked <c>image:unresolved</c> — matched to digests only at
/// query time by <c>ImageTagResolver</c>, never merged with a digest image on the tag alone.
/// </summary>
internal static class InventoryImageNodes
{
    public static NodeRef Add(IngestBatchBuilder builder, InventoryImage image)
    {
        var reference = image.Reference;
        var digest = image.Digest ?? reference.Digest;
        var properties = new List<KeyValuePair<string, string>>
        {
            new("image:registry", reference.Registry),
            new("image:repository", reference.Name),
        };
        if (digest is not null)
        {
            if (reference.Tag is not null)
            {
                properties.Add(new("image:tag", reference.Tag));
            }

            var name = reference.Tag is null ? reference.Name : reference.Name + ":" + reference.Tag;
            return builder.AddNode(new NodeRef(NodeKind.Image, digest), name, properties);
        }

        var tag = reference.Tag ?? "latest";
        properties.Add(new("image:tag", tag));
        properties.Add(new("image:unresolved", "true"));
        var display = reference.Name + ":" + tag;
        return builder.AddNode(new NodeRef(NodeKind.Image, "ref:" + display), display, properties);
    }

    /// <summary>The images to link: a tag-only image is dropped when the same reference also came with a digest.</summary>
    public static IEnumerable<InventoryImage> Effective(IReadOnlyList<InventoryImage> images)
    {
        var pinned = images.Where(i => (i.Digest ?? i.Reference.Digest) is not null)
            .Select(i => Tagged(i))
            .ToHashSet(StringComparer.Ordinal);
        return images.Where(i => (i.Digest ?? i.Reference.Digest) is not null || !pinned.Contains(Tagged(i)));
    }

    private static string Tagged(InventoryImage image) => image.Reference.Name + ":" + (image.Reference.Tag ?? "latest");
}
