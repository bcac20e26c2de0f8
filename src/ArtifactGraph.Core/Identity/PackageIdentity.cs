namespace ArtifactGraph.Core.Identity;

/// <summary>
/// How readers key packages. A purl that fails to parse is kept under its raw text rather than
/// dropped, because real SBOMs carry purls such as <c>pkg:golang/./api@(devel)</c> and losing
/// those components would hide them from queries.
/// </summary>
public static class PackageIdentity
{
    /// <param name="VersionKey">Canonical purl; for an invalid purl, the trimmed raw text.</param>
    /// <param name="PackageKey">Canonical purl without version, qualifiers and subpath; for an invalid purl, the raw text with '#…', '?…' and the last '@version' cut.</param>
    /// <param name="HasVersion">Whether a version was given.</param>
    /// <param name="Name">The package name, decoded where possible.</param>
    /// <param name="Error">Null for a valid purl; the parse error otherwise.</param>
    public sealed record Result(string VersionKey, string PackageKey, bool HasVersion, string Name, string? Error);

    public static Result FromPurl(string rawPurl)
    {
        var raw = (rawPurl ?? string.Empty).Trim();
        if (Purl.TryParse(raw, out var purl, out var error))
        {
            return FromValid(purl);
        }

        var key = Cut(Cut(raw, '#'), '?');
        string? version = null;
        var lastSlash = key.LastIndexOf('/');
        var at = key.LastIndexOf('@');

        // Only an '@' inside the last segment, after its first character, separates a version: a
        // leading '@' is an npm scope.
        if (at > lastSlash + 1)
        {
            version = key[(at + 1)..];
            key = key[..at];
        }

        var lastSegment = key[(key.LastIndexOf('/') + 1)..];
        var name = PurlEncoding.TryDecode(lastSegment, out var decoded, out _) ? decoded : lastSegment;
        return new Result(raw, key, !string.IsNullOrEmpty(version), name, error);
    }

    /// <summary>
    /// Keys a component that has no purl as <c>pkg:generic/&lt;group&gt;/&lt;name&gt;@&lt;version&gt;</c>.
    /// Throws <see cref="ArgumentException"/> when the name is empty.
    /// </summary>
    public static Result FromComponent(string? group, string name, string? version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var purl = Purl.Create(
            "generic",
            string.IsNullOrWhiteSpace(group) ? null : group.Trim(),
            name.Trim(),
            string.IsNullOrWhiteSpace(version) ? null : version.Trim());
        return FromValid(purl);
    }

    /// <summary>Keys an already parsed purl (a reader that parsed it once for several uses): the same result as <see cref="FromPurl"/> on its text.</summary>
    public static Result FromParsed(Purl purl) => purl.Identity;

    /// <summary>Keys a purl typed into a query exactly as a reader would key it, so lookups meet stored keys.</summary>
    public static Result FromQuery(string text) => FromPurl(text);

    private static Result FromValid(Purl purl) => purl.Identity;

    private static string Cut(string text, char separator)
    {
        var index = text.IndexOf(separator, StringComparison.Ordinal);
        return index < 0 ? text : text[..index];
    }
}
