using System.Diagnostics.CodeAnalysis;

namespace ArtifactGraph.Core.Identity;

/// <summary>
/// A source repository in canonical form (graph-schema/ontology.md, "Source"): <c>git+https://github.com/owner/repo</c>
/// — VCS prefix kept (<c>git+</c>, added for git), host lower-cased, trailing <c>/</c> and <c>.git</c> removed;
/// for the big forges (GitHub, GitLab, Bitbucket) <c>git://</c>, <c>ssh://</c>, <c>http://</c> and
/// <c>git@host:owner/repo</c> all mean the https URL, and GitHub paths are lower-cased (GitHub ignores case).
/// A revision written into the URL (<c>@refs/tags/v1</c>, <c>#abc123</c>) is split off into <see cref="Ref"/>.
/// </summary>
public sealed record SourceLocation(string Repository, string? Ref)
{
    private static readonly string[] Forges = ["github.com", "gitlab.com", "bitbucket.org"];

    /// <summary>The Source node key of the repository at a revision: <c>&lt;repository&gt;@&lt;revision&gt;</c>.</summary>
    public static string AtRevision(string repository, string revision) => repository + "@" + revision;

    /// <summary>
    /// Parses a VCS URL. <paramref name="assumeGit"/> says the caller knows it is git (a gitCommit digest,
    /// a Scorecard repository), so an https URL without a <c>git+</c> prefix still becomes <c>git+https</c>.
    /// </summary>
    public static bool TryParse(string? text, bool assumeGit, [NotNullWhen(true)] out SourceLocation? location)
    {
        location = null;
        var value = text?.Trim().Trim('"', '\'') ?? string.Empty;
        if (value.StartsWith("scm:", StringComparison.OrdinalIgnoreCase))
        {
            // Maven's scm:git:https://… form.
            value = value[4..];
            if (value.StartsWith("git:", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("git://", StringComparison.OrdinalIgnoreCase))
            {
                value = "git+" + value[4..];
            }
        }

        string? vcs = null;
        var plus = value.IndexOf('+', StringComparison.Ordinal);
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (plus > 0 && scheme > plus)
        {
            vcs = value[..plus].ToLowerInvariant();
            value = value[(plus + 1)..];
        }

        // scp-like git@github.com:owner/repo(.git)
        if (!value.Contains("://", StringComparison.Ordinal) && value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
            && value.IndexOf(':', at) is > 0 and var colon)
        {
            value = "ssh://" + value[(at + 1)..colon] + "/" + value[(colon + 1)..];
            vcs ??= "git";
        }

        string? reference = null;
        var hash = value.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            reference = value[(hash + 1)..];
            value = value[..hash];
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0
            || uri.Scheme is not ("https" or "http" or "git" or "ssh" or "svn" or "file"))
        {
            return false;
        }

        var host = uri.Host.ToLowerInvariant();
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var atInPath = path.IndexOf('@', StringComparison.Ordinal);
        if (atInPath >= 0)
        {
            reference ??= path[(atInPath + 1)..];
            path = path[..atInPath];
        }

        path = path.TrimEnd('/');
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^4];
        }

        if (path.Length == 0)
        {
            return false;
        }

        var isForge = Forges.Contains(host);
        if (isForge)
        {
            (path, reference) = ForgeRepositoryPath(host, path, reference);
        }

        if (uri.Scheme == "git" || isForge || assumeGit)
        {
            vcs ??= "git";
        }

        var outScheme = isForge ? "https" : uri.Scheme == "ssh" ? "ssh" : uri.Scheme;
        if (host == "github.com")
        {
            path = path.ToLowerInvariant();
        }

        var port = uri.IsDefaultPort || isForge ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var repository = (vcs is null ? string.Empty : vcs + "+") + outScheme + "://" + host + port + path;
        if (vcs == "git" && outScheme == "git")
        {
            repository = "git://" + host + port + path;
        }

        location = new SourceLocation(repository, string.IsNullOrWhiteSpace(reference) ? null : reference.Trim());
        return true;
    }

    /// <summary>
    /// A forge's web URL deeper than the repository (<c>/owner/repo/tree/v1.2</c>, GitLab's <c>/group/repo/-/commit/abc</c>)
    /// is cut to the repository; a <c>tree</c>/<c>commit</c>/<c>releases/tag</c> segment's value becomes the ref.
    /// </summary>
    private static (string Path, string? Ref) ForgeRepositoryPath(string host, string path, string? reference)
    {
        var segments = path.Trim('/').Split('/');
        int cut;
        if (host == "gitlab.com")
        {
            cut = Array.IndexOf(segments, "-");
            if (cut < 0)
            {
                return (path, reference);
            }
        }
        else
        {
            cut = 2;
        }

        if (segments.Length <= cut)
        {
            return (path, reference);
        }

        var rest = segments[(cut + (host == "gitlab.com" ? 1 : 0))..];
        if (reference is null && rest.Length >= 2 && rest[0] is "tree" or "commit" or "commits" or "src" or "blob")
        {
            reference = rest[1];
        }
        else if (reference is null && rest.Length >= 3 && rest[0] == "releases" && rest[1] == "tag")
        {
            reference = rest[2];
        }

        return ("/" + string.Join('/', segments[..cut]), reference);
    }
}
