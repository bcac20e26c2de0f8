using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// One SPDX package → its node: PackageVersion + Package + VERSION_OF keyed by its first purl exactly as
/// CycloneDX keys components (so the two formats meet), or an Image keyed by digest; plus checksums as
/// Artifacts with OCCURS_AS, and its licence.
/// </summary>
internal static class Spdx2PackageMapper
{
    public static NodeRef Map(Spdx2Package package, bool isSyftImageRoot, IngestBatchBuilder builder)
    {
        var purls = package.ExternalRefs.Where(r => r.IsPurl).Select(r => r.Locator!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var purlText = purls.FirstOrDefault();
        var properties = Properties(package, purls);
        var purl = purlText is not null && Purl.TryParse(purlText, out var parsed, out _) ? parsed : null;

        NodeRef node;
        if (Spdx2ImageRules.IsImageCandidate(package, purl, isSyftImageRoot) && Spdx2ImageRules.FindDigest(package, purl) is { } digest)
        {
            var (display, repository, tag) = Spdx2ImageRules.Name(package, purl);
            properties.Insert(0, new("image:repository", repository));
            if (tag is not null)
            {
                properties.Insert(1, new("image:tag", tag));
            }

            if (purlText is not null)
            {
                properties.Add(new("spdx:purl", purlText));
            }

            node = Spdx2ImageLinks.Link(purls, builder.AddNode(new NodeRef(NodeKind.Image, digest), display, properties), display, builder);
            Images.ImageLinks.FromProperties(node, display, Spdx2ImageLinks.Labels(package.AnnotationComments), builder);
        }
        else
        {
            node = MapPackage(package, purlText, properties, builder);
        }

        foreach (var checksum in package.Checksums)
        {
            if (Spdx2Checksums.TryDigest(checksum, builder) is { } artifactKey)
            {
                var artifact = builder.AddNode(new NodeRef(NodeKind.Artifact, artifactKey));
                builder.AddEdge(EdgeKind.OccursAs, node, artifact);
            }
        }

        Spdx2Licenses.Map(package, node, builder);
        Spdx2SourceAt.Map(package, purlText, node, builder);
        return node;
    }

    private static NodeRef MapPackage(Spdx2Package package, string? purl, List<KeyValuePair<string, string>> properties, IngestBatchBuilder builder)
    {
        var name = package.Name!.Trim();
        var identity = purl is null
            ? PackageIdentity.FromComponent(null, name, Spdx2Values.Meaningful(package.VersionInfo))
            : PackageIdentity.FromPurl(purl);
        if (identity.Error is { } error)
        {
            properties.Add(new("purl:invalid", error));
            builder.Warn(package.Location, $"purl '{purl}' is not valid ({error}); kept as written");
        }

        var node = builder.AddNode(new NodeRef(NodeKind.PackageVersion, identity.VersionKey), name, properties);
        var versionless = builder.AddNode(new NodeRef(NodeKind.Package, identity.PackageKey), name);
        builder.AddEdge(EdgeKind.VersionOf, node, versionless);
        return node;
    }

    private static List<KeyValuePair<string, string>> Properties(Spdx2Package package, List<string> purls)
    {
        var properties = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (Spdx2Values.Meaningful(value) is { } meaningful)
            {
                properties.Add(new(key, meaningful));
            }
        }

        Add("spdx:id", package.SpdxId);
        Add("spdx:versionInfo", package.VersionInfo);
        Add("spdx:supplier", package.Supplier);
        Add("spdx:originator", package.Originator);
        Add("spdx:downloadLocation", package.DownloadLocation);
        Add("spdx:homepage", package.Homepage);
        Add("spdx:sourceInfo", package.SourceInfo);
        Add("spdx:primaryPackagePurpose", package.PrimaryPackagePurpose);
        Add("spdx:filesAnalyzed", package.FilesAnalyzed);
        Add("spdx:licenseDeclared", package.LicenseDeclared);
        Add("spdx:licenseConcluded", package.LicenseConcluded);
        Add("spdx:cpe", package.ExternalRefs.FirstOrDefault(r => r.IsCpe)?.Locator);
        if (purls.Count > 1)
        {
            Add("spdx:purl:alt", string.Join(' ', purls.Skip(1)));
        }

        return properties;
    }
}
