using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats;

/// <summary>
/// PackageVersion -SOURCE_AT-> Source from what SBOMs say about a package's source (graph-schema/ontology.md,
/// "SOURCE_AT"): a VCS URL, with a revision when the URL carries a commit id. A revision that is a
/// tag or branch name is kept as the edge's <c>source:ref</c> and the link goes to the repository.
/// </summary>
internal static class SourceAtLinks
{
    /// <summary>Links to the repository a VCS URL names; false (nothing added) when it names none.</summary>
    public static bool Link(IngestBatchBuilder builder, NodeRef package, string? url, bool assumeGit = false)
    {
        if (package.Kind != NodeKind.PackageVersion || !SourceLocation.TryParse(url, assumeGit, out var location))
        {
            return false;
        }

        var reference = location.Ref;
        var isCommit = reference is { Length: >= 7 and <= 64 } && reference.All(char.IsAsciiHexDigit);
        var source = SourceNodes.Add(builder, location, isCommit ? reference!.ToLowerInvariant() : null);
        builder.AddEdge(EdgeKind.SourceAt, package, source, !isCommit && reference is not null ? [new("source:ref", reference)] : null);
        return true;
    }

    /// <summary>The purl's <c>vcs_url</c> qualifier (purl spec), when the purl has one.</summary>
    public static void LinkPurlQualifier(IngestBatchBuilder builder, NodeRef package, string? purl)
    {
        if (purl is not null && Purl.TryParse(purl.Trim(), out var parsed, out _))
        {
            LinkPurlQualifier(builder, package, parsed);
        }
    }

    /// <summary>The same for a purl the caller already parsed.</summary>
    public static void LinkPurlQualifier(IngestBatchBuilder builder, NodeRef package, Purl? purl)
    {
        if (purl is null)
        {
            return;
        }

        // Indexed: no closure or enumerator per component (almost none has qualifiers to search).
        for (var i = 0; i < purl.Qualifiers.Count; i++)
        {
            if (purl.Qualifiers[i].Key == "vcs_url")
            {
                if (purl.Qualifiers[i].Value is { Length: > 0 } vcs)
                {
                    Link(builder, package, vcs);
                }

                return;
            }
        }
    }

    /// <summary>
    /// An SPDX 2 <c>downloadLocation</c> in VCS form (<c>git+https://host/path@revision#subpath</c>); plain
    /// download URLs are archives, not sources, and are left alone. The <c>#subpath</c> is dropped.
    /// </summary>
    public static void LinkSpdxDownloadLocation(IngestBatchBuilder builder, NodeRef package, string? downloadLocation)
    {
        var value = downloadLocation?.Trim();
        if (value is null || !(value.StartsWith("git+", StringComparison.OrdinalIgnoreCase) || value.StartsWith("git://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("hg+", StringComparison.OrdinalIgnoreCase) || value.StartsWith("svn+", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("bzr+", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var hash = value.IndexOf('#', StringComparison.Ordinal);
        Link(builder, package, hash < 0 ? value : value[..hash]);
    }
}
