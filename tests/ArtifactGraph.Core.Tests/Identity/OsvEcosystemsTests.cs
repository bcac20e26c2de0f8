using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Core.Tests.Identity;

public sealed class OsvEcosystemsTests
{
    // Each expected key is what an SBOM's purl for the same package keys as (PackageIdentity.FromPurl(...).PackageKey).
    [Theory]
    [InlineData("npm", "lodash", "pkg:npm/lodash@4.17.15")]
    [InlineData("npm", "@babel/core", "pkg:npm/%40babel/core@7.0.0")]
    [InlineData("PyPI", "Django_Rest", "pkg:pypi/django-rest@1.0")]
    [InlineData("Maven", "org.apache.logging.log4j:log4j-core", "pkg:maven/org.apache.logging.log4j/log4j-core@2.8.1")]
    [InlineData("Go", "github.com/gin-gonic/gin", "pkg:golang/github.com/gin-gonic/gin@v1.9.0")]
    [InlineData("Go", "stdlib", "pkg:golang/stdlib@1.21.0")]
    [InlineData("crates.io", "hyper", "pkg:cargo/hyper@0.14.0")]
    [InlineData("RubyGems", "rails", "pkg:gem/rails@7.0.0")]
    [InlineData("NuGet", "Newtonsoft.Json", "pkg:nuget/Newtonsoft.Json@13.0.1")]
    [InlineData("Packagist", "symfony/http-kernel", "pkg:composer/symfony/http-kernel@6.0.0")]
    [InlineData("Hex", "plug", "pkg:hex/plug@1.0.0")]
    [InlineData("Pub", "http", "pkg:pub/http@1.0.0")]
    [InlineData("Debian:11", "xz-utils", "pkg:deb/debian/xz-utils@5.2.5-2?arch=amd64")]
    [InlineData("Ubuntu:22.04:LTS", "openssl", "pkg:deb/ubuntu/openssl@3.0.2")]
    [InlineData("Alpine:v3.18", "musl", "pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64")]
    [InlineData("Red Hat:enterprise_linux:8", "openssl", "pkg:rpm/redhat/openssl@1.1.1k-8.el8_6?arch=x86_64")]
    [InlineData("OSS-Fuzz", "libxml2", "pkg:generic/libxml2@2.9")]
    public void PackageOf_Ecosystem_SameKeyAsSbomPurl(string ecosystem, string name, string sbomPurl) =>
        Assert.Equal(PackageIdentity.FromPurl(sbomPurl).PackageKey, OsvEcosystems.PackageOf(ecosystem, name).PackageKey);

    [Theory]
    [InlineData("Debian:11", "Debian")]
    [InlineData("npm", "npm")]
    [InlineData("Red Hat:rhel_aus:8.6::appstream", "Red Hat")]
    public void Base_Ecosystem_SuffixDropped(string ecosystem, string expected) => Assert.Equal(expected, OsvEcosystems.Base(ecosystem));
}
