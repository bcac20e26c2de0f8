namespace ArtifactGraph.Core.Identity;

internal enum PurlRequirement
{
    Optional,
    Required,
    Prohibited,
}

/// <summary>
/// What one purl type demands, transcribed from the package-url type definitions
/// (purl-spec types/*-definition.json). A test compares this table with those files, so a
/// definition change upstream shows up as a failing test rather than silent drift.
/// </summary>
/// <remarks>
/// <see cref="NameIsPath"/>: the namespace is one segment (git's host) and the name is the rest of
/// the path, kept with its '/' separators ("repository name with owner").
/// </remarks>
internal sealed record PurlTypeRule(
    string Type,
    PurlRequirement Namespace = PurlRequirement.Optional,
    bool LowerNamespace = false,
    bool LowerName = false,
    bool LowerVersion = false,
    string? RequiredQualifier = null,
    bool NameIsPath = false);

internal static class PurlTypeRules
{
    private const PurlRequirement Req = PurlRequirement.Required;
    private const PurlRequirement No = PurlRequirement.Prohibited;

    /// <summary>Rules for a type the spec does not define: nothing beyond the core grammar.</summary>
    public static readonly PurlTypeRule Unknown = new("unknown");

    public static IReadOnlyDictionary<string, PurlTypeRule> All { get; } = new PurlTypeRule[]
    {
        new("alpm", Req, LowerNamespace: true, LowerName: true),
        new("apk", Req, LowerNamespace: true, LowerName: true),
        new("bazel", No),
        new("bitbucket", Req, LowerNamespace: true, LowerName: true),
        new("bitnami", No, LowerName: true),
        new("brew", LowerNamespace: true, LowerName: true),
        new("cargo", No),
        new("chrome-extension", No, LowerName: true),
        new("cocoapods", No),
        new("composer", Req, LowerNamespace: true, LowerName: true),
        new("conan"),
        new("conda", No),
        new("cpan"),
        new("cran", No),
        new("deb", Req, LowerNamespace: true, LowerName: true),
        new("docker"),
        new("gem", No),
        new("generic"),
        new("git", Req, NameIsPath: true),
        new("github", Req, LowerNamespace: true, LowerName: true),
        new("golang", Req),
        new("hackage", No),
        new("hex", LowerNamespace: true, LowerName: true),
        new("huggingface", Req, LowerVersion: true),
        new("julia", No, RequiredQualifier: "uuid"),
        new("luarocks", LowerNamespace: true, LowerName: true),
        new("maven", Req),
        new("mlflow", No),
        new("npm"),
        new("nuget", No),
        new("oci", No, LowerName: true, LowerVersion: true),
        new("opam", No),
        new("otp", No, LowerName: true),
        new("pub", No, LowerName: true),
        new("pypi", No, LowerName: true, LowerVersion: true),
        new("qpkg", Req, LowerNamespace: true),
        new("rpm", Req, LowerNamespace: true),
        new("swid", RequiredQualifier: "tag_id"),
        new("swift", Req),
        new("vcpkg", No),
        new("vscode-extension", Req, LowerNamespace: true, LowerName: true, LowerVersion: true),
        new("yocto", LowerNamespace: true),
    }.ToDictionary(r => r.Type, StringComparer.Ordinal);

    public static PurlTypeRule For(string type) => All.GetValueOrDefault(type) ?? Unknown;
}
