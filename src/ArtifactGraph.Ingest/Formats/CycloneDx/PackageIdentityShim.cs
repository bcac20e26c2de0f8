using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// TEMPORARY shim with the shape of the shared <c>PackageIdentity</c> that is being written in parallel;
/// deleting this file at merge time switches the reader to the real one.
/// </summary>
internal static class PackageIdentity
{
    /// <summary>
    /// Identity of a purl as written. A purl that does not parse keeps its trimmed text as the version
    /// key (so nothing is lost) and <see cref="Result.Error"/> says why it did not parse.
    /// </summary>
    public static Result FromPurl(string raw)
    {
        var text = raw.Trim();
        if (Purl.TryParse(text, out var purl, out var error))
        {
            return new Result(purl.ToString(), purl.PackageKey, purl.Version is not null, purl.Name, null);
        }

        return new Result(text, StripVersion(text), HasVersionText(text), text, error);
    }

    /// <summary>Identity of a component that has no purl: <c>pkg:generic/&lt;group&gt;/&lt;name&gt;@&lt;version&gt;</c>.</summary>
    public static Result FromComponent(string? group, string name, string? version)
    {
        var purl = Purl.Create("generic", string.IsNullOrEmpty(group) ? null : group, name, string.IsNullOrEmpty(version) ? null : version);
        return new Result(purl.ToString(), purl.PackageKey, purl.Version is not null, purl.Name, null);
    }

    private static string StripVersion(string text)
    {
        var cut = text.IndexOf('#');
        if (cut >= 0) { text = text[..cut]; }
        cut = text.IndexOf('?');
        if (cut >= 0) { text = text[..cut]; }
        cut = text.LastIndexOf('@');
        return cut >= 0 ? text[..cut] : text;
    }

    private static bool HasVersionText(string text)
    {
        var cut = text.IndexOfAny(['?', '#']);
        return (cut >= 0 ? text[..cut] : text).Contains('@', StringComparison.Ordinal);
    }

    /// <param name="VersionKey">The PackageVersion node key.</param>
    /// <param name="PackageKey">The Package node key (no version, qualifiers or subpath).</param>
    /// <param name="HasVersion">Whether the identity names a version.</param>
    /// <param name="Name">The package name.</param>
    /// <param name="Error">Why the purl did not parse; null when it did.</param>
    public sealed record Result(string VersionKey, string PackageKey, bool HasVersion, string Name, string? Error);
}
