namespace ArtifactGraph.Core.Versions;

/// <summary>Finds the version scheme for an OSV ecosystem name, a vers scheme or a purl type.</summary>
public static class VersionSchemes
{
    private static readonly Dictionary<string, IVersionScheme> ByEcosystem = new(StringComparer.OrdinalIgnoreCase)
    {
        ["npm"] = SemVerScheme.Instance,
        ["crates.io"] = SemVerScheme.Instance,
        ["Hex"] = SemVerScheme.Instance,
        ["Pub"] = SemVerScheme.Instance,
        ["Go"] = SemVerScheme.Instance,
        ["SwiftURL"] = SemVerScheme.Instance,
        ["Bitnami"] = SemVerScheme.Instance,
        ["PyPI"] = Pep440Scheme.Instance,
        ["Maven"] = MavenScheme.Instance,
        ["NuGet"] = NuGetScheme.Instance,
        ["RubyGems"] = RubyGemsScheme.Instance,
        ["Packagist"] = ComposerScheme.Instance,
        ["Debian"] = DebianScheme.Instance,
        ["Ubuntu"] = DebianScheme.Instance,
        ["Alpine"] = AlpineScheme.Instance,
        ["Wolfi"] = AlpineScheme.Instance,
        ["Chainguard"] = AlpineScheme.Instance,
        ["MinimOS"] = AlpineScheme.Instance,
        ["Red Hat"] = RpmScheme.Instance,
        ["Rocky Linux"] = RpmScheme.Instance,
        ["AlmaLinux"] = RpmScheme.Instance,
        ["SUSE"] = RpmScheme.Instance,
        ["openSUSE"] = RpmScheme.Instance,
        ["Mageia"] = RpmScheme.Instance,
        ["openEuler"] = RpmScheme.Instance,
        ["Photon OS"] = RpmScheme.Instance,
        ["Azure Linux"] = RpmScheme.Instance,
        ["Fedora"] = RpmScheme.Instance,
        ["CentOS"] = RpmScheme.Instance,
        ["Oracle Linux"] = RpmScheme.Instance,
        ["ConanCenter"] = ConanScheme.Instance,
    };

    private static readonly Dictionary<string, IVersionScheme> ByVersScheme = new(StringComparer.OrdinalIgnoreCase)
    {
        ["npm"] = SemVerScheme.Instance,
        ["semver"] = SemVerScheme.Instance,
        ["cargo"] = SemVerScheme.Instance,
        ["golang"] = SemVerScheme.Instance,
        ["hex"] = SemVerScheme.Instance,
        ["pub"] = SemVerScheme.Instance,
        ["swift"] = SemVerScheme.Instance,
        ["pypi"] = Pep440Scheme.Instance,
        ["maven"] = MavenScheme.Instance,
        ["nuget"] = NuGetScheme.Instance,
        ["gem"] = RubyGemsScheme.Instance,
        ["composer"] = ComposerScheme.Instance,
        ["deb"] = DebianScheme.Instance,
        ["rpm"] = RpmScheme.Instance,
        ["apk"] = AlpineScheme.Instance,
        ["alpm"] = AlpmScheme.Instance,
        ["conan"] = ConanScheme.Instance,
        ["openssl"] = OpenSslScheme.Instance,
        ["gentoo"] = GentooScheme.Instance,
        ["ebuild"] = GentooScheme.Instance,
        ["datetime"] = DateTimeScheme.Instance,
        ["lexicographic"] = LexicographicScheme.Instance,
        ["generic"] = GenericScheme.Instance,
    };

    /// <summary>The generic fallback (<see cref="IVersionScheme.IsGeneric"/> is true).</summary>
    public static IVersionScheme Generic => GenericScheme.Instance;

    /// <summary>
    /// By OSV ecosystem (<c>npm</c>, <c>PyPI</c>, <c>Debian:11</c> ...), case-insensitive; a suffix after ':'
    /// (release) selects by the prefix; the generic fallback when unknown.
    /// </summary>
    public static IVersionScheme ForEcosystem(string ecosystem)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        var name = ecosystem.Trim();
        var colon = name.IndexOf(':');
        if (colon >= 0)
        {
            name = name[..colon];
        }

        return ByEcosystem.TryGetValue(name, out var scheme) ? scheme : GenericScheme.Instance;
    }

    /// <summary>By vers scheme (<c>npm</c>, <c>pypi</c>, <c>deb</c>, <c>generic</c> ...); null when vers names no such scheme here.</summary>
    public static IVersionScheme? ForVersScheme(string versScheme) =>
        ByVersScheme.TryGetValue(versScheme, out var scheme) ? scheme : null;

    /// <summary>The OSV ecosystem a purl type belongs to (<c>npm</c> → npm, <c>pypi</c> → PyPI, <c>deb</c> + namespace debian → Debian), or null.</summary>
    public static string? EcosystemOfPurl(string type, string? @namespace, IReadOnlyDictionary<string, string>? qualifiers) =>
        PurlEcosystems.Of(type, @namespace, qualifiers);
}
