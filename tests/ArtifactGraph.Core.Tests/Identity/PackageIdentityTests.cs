using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Core.Tests.Identity;

public sealed class PackageIdentityTests
{
    [Fact]
    public void FromPurl_ValidPurl_UsesCanonicalKeys()
    {
        var result = PackageIdentity.FromPurl("  pkg:PYPI/Django_Package@1.0?Arch=x86#src  ");

        Assert.Equal("pkg:pypi/django-package@1.0?arch=x86#src", result.VersionKey);
        Assert.Equal("pkg:pypi/django-package", result.PackageKey);
        Assert.True(result.HasVersion);
        Assert.Equal("django-package", result.Name);
        Assert.Null(result.Error);
    }

    [Fact]
    public void FromPurl_GoDevelPurl_KeepsRawTextAndCutsVersion()
    {
        var result = PackageIdentity.FromPurl("pkg:golang/./api@(devel)");

        Assert.Equal("pkg:golang/./api@(devel)", result.VersionKey);
        Assert.Equal("pkg:golang/./api", result.PackageKey);
        Assert.True(result.HasVersion);
        Assert.Equal("api", result.Name);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void FromPurl_InvalidWithQualifiersAndSubpath_CutsThemFromPackageKey()
    {
        var result = PackageIdentity.FromPurl("pkg:swift/Alamofire@5.4.3?x=1#sub");

        Assert.Equal("pkg:swift/Alamofire@5.4.3?x=1#sub", result.VersionKey);
        Assert.Equal("pkg:swift/Alamofire", result.PackageKey);
        Assert.Equal("Alamofire", result.Name);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void FromPurl_InvalidWithoutVersion_HasNoVersion()
    {
        var result = PackageIdentity.FromPurl("pkg:golang/./api");

        Assert.Equal("pkg:golang/./api", result.PackageKey);
        Assert.False(result.HasVersion);
    }

    [Fact]
    public void FromPurl_InvalidWithLeadingScope_KeepsScopeInPackageKey()
    {
        var result = PackageIdentity.FromPurl("pkg:vcpkg/@scope");

        Assert.Equal("pkg:vcpkg/@scope", result.PackageKey);
        Assert.False(result.HasVersion);
    }

    [Fact]
    public void FromComponent_GroupNameVersion_BuildsGenericPurl()
    {
        var result = PackageIdentity.FromComponent("@acme corp", "my lib", "1.0 beta");

        Assert.Equal("pkg:generic/%40acme%20corp/my%20lib@1.0%20beta", result.VersionKey);
        Assert.Equal("pkg:generic/%40acme%20corp/my%20lib", result.PackageKey);
        Assert.Equal("my lib", result.Name);
        Assert.True(result.HasVersion);
        Assert.Null(result.Error);
        Assert.Null(PackageIdentity.FromPurl(result.VersionKey).Error);
    }

    [Fact]
    public void FromComponent_NoGroupNoVersion_BuildsVersionlessPurlWithoutNamespace()
    {
        var result = PackageIdentity.FromComponent(null, "openssl", null);

        Assert.Equal("pkg:generic/openssl", result.VersionKey);
        Assert.Equal(result.VersionKey, result.PackageKey);
        Assert.False(result.HasVersion);
    }

    [Fact]
    public void FromComponent_EmptyName_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => PackageIdentity.FromComponent("g", " ", "1"));
    }

    [Fact]
    public void FromQuery_SameTextAsReader_YieldsSameKeys()
    {
        const string Text = "pkg:npm/%40angular/core@12.0.0";

        Assert.Equal(PackageIdentity.FromPurl(Text), PackageIdentity.FromQuery(Text));
    }
}
