using System.Text.RegularExpressions;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// A subject for documents that describe nothing (syft's SPDX 2.2 image SBOMs). When the document <c>name</c>
/// is an image reference with a tag or digest, or carries a digest, or the namespace is syft's
/// <c>…/syft/image/…</c>: an Image keyed by the digest the name, namespace or the document's single image package
/// gives, else <c>ref:&lt;name&gt;</c> (CycloneDX's container-subject fallback). Otherwise a PackageVersion
/// <c>pkg:generic/&lt;name&gt;</c>.
/// </summary>
internal static partial class Spdx2SubjectInference
{
    public static bool IsSyftImageDocument(Spdx2Document document) =>
        document.Namespace?.Contains("anchore.com/syft/image/", StringComparison.OrdinalIgnoreCase) == true;

    public static NodeRef Infer(Spdx2Context context)
    {
        var document = context.Document;
        var name = document.Name!.Trim();
        var digest = DigestIn(name) ?? DigestIn(document.Namespace);
        var parsed = ImageReference.TryParse(name, out var reference);
        var isImage = digest is not null || (parsed && (reference!.Tag is not null || reference.Digest is not null || IsSyftImageDocument(document)));
        var marker = new KeyValuePair<string, string>("spdx:subject", "inferred from the document name");
        if (!isImage)
        {
            var identity = PackageIdentity.FromComponent(null, name, null);
            var node = context.Builder.AddNode(new NodeRef(NodeKind.PackageVersion, identity.VersionKey), name, [marker]);
            var package = context.Builder.AddNode(new NodeRef(NodeKind.Package, identity.PackageKey), name);
            context.Builder.AddEdge(EdgeKind.VersionOf, node, package);
            return node;
        }

        var images = context.PackageNodes.Where(n => n.Kind == NodeKind.Image).Distinct().ToList();
        digest ??= images.Count == 1 ? images[0].Key : null;
        var properties = new List<KeyValuePair<string, string>>();
        if (parsed)
        {
            properties.Add(new("image:reference", reference!.ToString()));
            if (reference.Tag is not null)
            {
                properties.Add(new("image:tag", reference.Tag));
            }
        }

        properties.Add(marker);
        return context.Builder.AddNode(new NodeRef(NodeKind.Image, digest ?? "ref:" + name), name, properties);
    }

    private static string? DigestIn(string? text)
    {
        var match = text is null ? Match.Empty : Sha256Pattern().Match(text);
        return match.Success ? "sha256:" + match.Groups[1].Value.ToLowerInvariant() : null;
    }

    [GeneratedRegex("sha256:([0-9a-fA-F]{64})(?![0-9a-fA-F])")]
    private static partial Regex Sha256Pattern();
}
