using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries.Images;

/// <summary>
/// Finds Image nodes for what a person types: a digest (<c>sha256:…</c>), a reference with a digest
/// (<c>repo@sha256:…</c>), or a reference by tag (<c>registry.example.com/shop/api:1.4.2</c>), matched
/// against image names as documents wrote them, with Docker Hub's defaults applied to both sides.
/// </summary>
public static class ImageResolver
{
    public static IReadOnlyList<int> Resolve(GraphIndex index, string text)
    {
        var query = text.Trim();
        if (Digest.TryParse(query, out var digest, out _))
        {
            return index.TryFind(NodeKind.Image, digest.ToString(), out var node) ? [node] : [];
        }

        if (!ImageReference.TryParse(query, out var reference))
        {
            return [];
        }

        if (reference.Digest is { } pinned)
        {
            return index.TryFind(NodeKind.Image, pinned, out var node) ? [node] : [];
        }

        // Names compared the way tag references are resolved (ImageTagResolver): one canonical repository:tag.
        var wanted = ImageTagResolver.Canonical(query);
        var found = new List<int>();
        foreach (var image in index.NodesOfKind(NodeKind.Image))
        {
            if (wanted is not null && ImageTagResolver.Canonical(index.NameOf(image) ?? index.KeyOf(image)) == wanted)
            {
                found.Add(image);
            }
        }

        // A digest image is the answer; a ref: node only when nothing with a digest carries that name.
        var withDigest = found.Where(n => !index.KeyOf(n).StartsWith("ref:", StringComparison.Ordinal)).ToList();
        return withDigest.Count > 0 ? withDigest : found;
    }
}
