namespace ArtifactGraph.Core.Identity;

/// <summary>PLACEHOLDER until the identity work lands: the fallback identity rules readers and queries share.</summary>
public static class PackageIdentity
{
    public sealed record Result(string VersionKey, string PackageKey, bool HasVersion, string Name, string? Error);

    public static Result FromPurl(string rawPurl)
    {
        var raw = rawPurl.Trim();
        if (Purl.TryParse(raw, out var purl, out var error))
        {
            return new Result(purl.ToString(), purl.PackageKey, purl.Version is not null, purl.Name, null);
        }

        var stripped = raw.Split('#')[0].Split('?')[0];
        var at = stripped.LastIndexOf('@');
        var package = at > 0 ? stripped[..at] : stripped;
        return new Result(raw, package, at > 0, package[(package.LastIndexOf('/') + 1)..], error);
    }

    public static Result FromQuery(string text) => FromPurl(text);

    public static Result FromComponent(string? group, string name, string? version)
    {
        var purl = Purl.Create("generic", group, name, version);
        return new Result(purl.ToString(), purl.PackageKey, version is not null, name, null);
    }
}
