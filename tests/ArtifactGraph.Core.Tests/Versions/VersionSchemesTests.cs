using ArtifactGraph.Core.Versions;

namespace ArtifactGraph.Core.Tests.Versions;

public sealed class VersionSchemesTests
{
    [Theory]
    [InlineData("npm", "semver")]
    [InlineData("crates.io", "semver")]
    [InlineData("Go", "semver")]
    [InlineData("Hex", "semver")]
    [InlineData("Pub", "semver")]
    [InlineData("PyPI", "pep440")]
    [InlineData("pypi", "pep440")]
    [InlineData("Maven", "maven")]
    [InlineData("NuGet", "nuget")]
    [InlineData("RubyGems", "gem")]
    [InlineData("Packagist", "composer")]
    [InlineData("Debian", "deb")]
    [InlineData("Debian:11", "deb")]
    [InlineData("Ubuntu:22.04:LTS", "deb")]
    [InlineData("Alpine", "apk")]
    [InlineData("Alpine:v3.18", "apk")]
    [InlineData("Wolfi", "apk")]
    [InlineData("Chainguard", "apk")]
    [InlineData("Red Hat", "rpm")]
    [InlineData("Red Hat:enterprise_linux:9::appstream", "rpm")]
    [InlineData("Rocky Linux", "rpm")]
    [InlineData("AlmaLinux:8", "rpm")]
    [InlineData("SUSE", "rpm")]
    [InlineData("openSUSE", "rpm")]
    public void ForEcosystem_OsvName_PicksTheScheme(string ecosystem, string scheme)
    {
        var found = VersionSchemes.ForEcosystem(ecosystem);

        Assert.Equal(scheme, found.Name);
        Assert.False(found.IsGeneric);
    }

    [Theory]
    [InlineData("GitHub Actions")]
    [InlineData("Hackage")]
    [InlineData("no-such-ecosystem")]
    [InlineData("")]
    public void ForEcosystem_Unknown_IsTheGenericFallback(string ecosystem)
    {
        Assert.True(VersionSchemes.ForEcosystem(ecosystem).IsGeneric);
    }

    [Theory]
    [InlineData("npm", null, null, "npm")]
    [InlineData("pypi", null, null, "PyPI")]
    [InlineData("maven", "org.apache.logging.log4j", null, "Maven")]
    [InlineData("golang", "github.com/x", null, "Go")]
    [InlineData("nuget", null, null, "NuGet")]
    [InlineData("gem", null, null, "RubyGems")]
    [InlineData("cargo", null, null, "crates.io")]
    [InlineData("composer", "laravel", null, "Packagist")]
    [InlineData("hex", null, null, "Hex")]
    [InlineData("pub", null, null, "Pub")]
    [InlineData("github", "actions", null, "GitHub Actions")]
    [InlineData("deb", "debian", null, "Debian")]
    [InlineData("deb", "debian", "debian-11", "Debian:11")]
    [InlineData("deb", "debian", "debian-12.4", "Debian:12")]
    [InlineData("deb", "debian", "bullseye", "Debian:11")]
    [InlineData("deb", "ubuntu", "ubuntu-22.04", "Ubuntu")]
    [InlineData("apk", "alpine", "alpine-3.18.4", "Alpine:v3.18")]
    [InlineData("apk", "alpine", null, "Alpine")]
    [InlineData("apk", "wolfi", null, "Wolfi")]
    [InlineData("rpm", "redhat", "el9", "Red Hat")]
    [InlineData("rpm", "opensuse", null, "openSUSE")]
    [InlineData("rpm", "almalinux", null, "AlmaLinux")]
    [InlineData("generic", null, null, null)]
    [InlineData("deb", "somethingelse", null, null)]
    public void EcosystemOfPurl_TypeNamespaceDistro_IsTheOsvName(string type, string? ns, string? distro, string? expected)
    {
        var qualifiers = distro is null ? null : new Dictionary<string, string> { ["distro"] = distro };

        Assert.Equal(expected, VersionSchemes.EcosystemOfPurl(type, ns, qualifiers));
    }

    [Fact]
    public void Compare_Unparsable_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => VersionSchemes.ForEcosystem("npm").Compare("1.0.0", "not-a-version"));
        Assert.Throws<FormatException>(() => VersionSchemes.ForEcosystem("PyPI").Compare("french toast", "1.0"));
    }
}
