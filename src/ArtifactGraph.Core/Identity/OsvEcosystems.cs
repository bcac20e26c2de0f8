namespace ArtifactGraph.Core.Identity;

/// <summary>
/// OSV ecosystem + package name → the Package key an SBOM gives the same package (canonical purl without
/// version), so an advisory and an SBOM meet on one node. The ecosystem's suffix (<c>Debian:11</c>,
/// <c>Alpine:v3.18</c>) names a release, not the package, and is ignored here (the claim keeps it).
/// An ecosystem without a purl type keys as <c>pkg:generic/&lt;name&gt;</c>.
/// </summary>
public static class OsvEcosystems
{
    /// <summary>Base ecosystem → (purl type, fixed namespace or null).</summary>
    private static readonly Dictionary<string, (string Type, string? Namespace)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["npm"] = ("npm", null),
        ["PyPI"] = ("pypi", null),
        ["Maven"] = ("maven", null),
        ["Go"] = ("golang", null),
        ["crates.io"] = ("cargo", null),
        ["RubyGems"] = ("gem", null),
        ["NuGet"] = ("nuget", null),
        ["Packagist"] = ("composer", null),
        ["Hex"] = ("hex", null),
        ["Pub"] = ("pub", null),
        ["Hackage"] = ("hackage", null),
        ["CRAN"] = ("cran", null),
        ["ConanCenter"] = ("conan", null),
        ["SwiftURL"] = ("swift", null),
        ["Bitnami"] = ("bitnami", null),
        ["GitHub Actions"] = ("github", null),
        ["Debian"] = ("deb", "debian"),
        ["Ubuntu"] = ("deb", "ubuntu"),
        ["Alpine"] = ("apk", "alpine"),
        ["Wolfi"] = ("apk", "wolfi"),
        ["Chainguard"] = ("apk", "chainguard"),
        ["Red Hat"] = ("rpm", "redhat"),
        ["AlmaLinux"] = ("rpm", "almalinux"),
        ["Rocky Linux"] = ("rpm", "rocky-linux"),
        ["openSUSE"] = ("rpm", "opensuse"),
        ["SUSE"] = ("rpm", "suse"),
        ["Mageia"] = ("rpm", "mageia"),
        ["openEuler"] = ("rpm", "openeuler"),
        ["Photon OS"] = ("rpm", "photon"),
        ["Azure Linux"] = ("rpm", "azurelinux"),
    };

    /// <summary>The ecosystem without its <c>:suffix</c>: <c>Debian:11</c> → <c>Debian</c>.</summary>
    public static string Base(string ecosystem)
    {
        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        return (colon < 0 ? ecosystem : ecosystem[..colon]).Trim();
    }

    /// <summary>The purl type OSV's ecosystem corresponds to; <c>generic</c> when none does.</summary>
    public static string PurlType(string ecosystem) => Types.TryGetValue(Base(ecosystem), out var t) ? t.Type : "generic";

    /// <summary>
    /// The Package key for a name in an ecosystem. npm <c>@scope/x</c>, Maven <c>group:artifact</c>, Go module
    /// paths and Packagist <c>vendor/name</c> split into namespace and name as the purl types define.
    /// A name that cannot make a valid purl is kept as <c>pkg:&lt;type&gt;/&lt;name as written&gt;</c> (an invalid-purl fallback).
    /// </summary>
    public static PackageIdentity.Result PackageOf(string ecosystem, string name)
    {
        var trimmed = name.Trim();
        var (type, fixedNamespace) = Types.TryGetValue(Base(ecosystem), out var t) ? t : ("generic", null);
        var (ns, local) = Split(type, trimmed);
        ns = fixedNamespace ?? ns;
        try
        {
            var purl = Purl.Create(type, ns, local);
            return new PackageIdentity.Result(purl.ToString(), purl.PackageKey, false, purl.Name, null);
        }
        catch (ArgumentException ex)
        {
            return PackageIdentity.FromPurl($"pkg:{type}/{(fixedNamespace is null ? string.Empty : fixedNamespace + "/")}{trimmed}") with { Error = ex.Message };
        }
    }

    private static (string? Namespace, string Name) Split(string type, string name)
    {
        switch (type)
        {
            case "maven":
                var colon = name.IndexOf(':', StringComparison.Ordinal);
                return colon > 0 ? (name[..colon], name[(colon + 1)..]) : (null, name);
            case "npm" or "golang" or "composer" or "github" or "swift":
                var slash = name.LastIndexOf('/');
                return slash > 0 ? (name[..slash], name[(slash + 1)..]) : (null, name);
            default:
                return (null, name);
        }
    }
}
