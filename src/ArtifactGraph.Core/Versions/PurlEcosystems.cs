namespace ArtifactGraph.Core.Versions;

/// <summary>Purl type (+ namespace, + distro qualifier) → OSV ecosystem name.</summary>
internal static class PurlEcosystems
{
    private static readonly Dictionary<string, string> ByType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["npm"] = "npm",
        ["pypi"] = "PyPI",
        ["maven"] = "Maven",
        ["golang"] = "Go",
        ["nuget"] = "NuGet",
        ["gem"] = "RubyGems",
        ["cargo"] = "crates.io",
        ["composer"] = "Packagist",
        ["hex"] = "Hex",
        ["pub"] = "Pub",
        ["github"] = "GitHub Actions",
        ["hackage"] = "Hackage",
        ["cran"] = "CRAN",
        ["swift"] = "SwiftURL",
        ["conan"] = "ConanCenter",
        ["bitnami"] = "Bitnami",
    };

    private static readonly Dictionary<string, string> RpmVendors = new(StringComparer.OrdinalIgnoreCase)
    {
        ["redhat"] = "Red Hat",
        ["rocky"] = "Rocky Linux",
        ["rocky-linux"] = "Rocky Linux",
        ["almalinux"] = "AlmaLinux",
        ["suse"] = "SUSE",
        ["opensuse"] = "openSUSE",
        ["mageia"] = "Mageia",
        ["openeuler"] = "openEuler",
        ["photon"] = "Photon OS",
        ["azurelinux"] = "Azure Linux",
        ["mariner"] = "Azure Linux",
        ["fedora"] = "Fedora",
        ["centos"] = "CentOS",
        ["oracle"] = "Oracle Linux",
    };

    // Debian release code names, for distro=bullseye style qualifiers.
    private static readonly Dictionary<string, string> DebianCodenames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wheezy"] = "7",
        ["jessie"] = "8",
        ["stretch"] = "9",
        ["buster"] = "10",
        ["bullseye"] = "11",
        ["bookworm"] = "12",
        ["trixie"] = "13",
        ["forky"] = "14",
    };

    public static string? Of(string type, string? ns, IReadOnlyDictionary<string, string>? qualifiers)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (ByType.TryGetValue(type, out var ecosystem))
        {
            return ecosystem;
        }

        string? distro = null;
        qualifiers?.TryGetValue("distro", out distro);
        return type.ToLowerInvariant() switch
        {
            "deb" when Is(ns, "debian") => WithRelease("Debian", DebianRelease(distro)),
            "deb" when Is(ns, "ubuntu") => "Ubuntu",
            "apk" when Is(ns, "alpine") => WithRelease("Alpine", AlpineRelease(distro)),
            "apk" when Is(ns, "wolfi") => "Wolfi",
            "apk" when Is(ns, "chainguard") => "Chainguard",
            "rpm" when ns is not null && RpmVendors.TryGetValue(ns, out var vendor) => vendor,
            _ => null,
        };
    }

    private static bool Is(string? ns, string expected) => string.Equals(ns, expected, StringComparison.OrdinalIgnoreCase);

    private static string WithRelease(string ecosystem, string? release) => release is null ? ecosystem : $"{ecosystem}:{release}";

    /// <summary>debian-11, debian-11.6, 11, bullseye → 11.</summary>
    private static string? DebianRelease(string? distro)
    {
        if (string.IsNullOrEmpty(distro))
        {
            return null;
        }

        var d = distro.StartsWith("debian-", StringComparison.OrdinalIgnoreCase) ? distro[7..] : distro;
        if (DebianCodenames.TryGetValue(d, out var number))
        {
            return number;
        }

        var major = d.Split('.')[0];
        return VersionText.IsAllDigits(major) ? major : null;
    }

    /// <summary>alpine-3.18.4, 3.18 → v3.18.</summary>
    private static string? AlpineRelease(string? distro)
    {
        if (string.IsNullOrEmpty(distro))
        {
            return null;
        }

        var d = distro.StartsWith("alpine-", StringComparison.OrdinalIgnoreCase) ? distro[7..] : distro;
        d = d.TrimStart('v');
        var parts = d.Split('.');
        return parts.Length >= 2 && VersionText.IsAllDigits(parts[0]) && VersionText.IsAllDigits(parts[1]) ? $"v{parts[0]}.{parts[1]}" : null;
    }
}
