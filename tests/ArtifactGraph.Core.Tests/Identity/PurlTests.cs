using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Core.Tests.Identity;

public sealed class PurlTests
{
    [Fact]
    public void Parse_UnsortedQualifiers_SortsByKey()
    {
        var purl = Purl.Parse("pkg:deb/debian/curl@7.50.3-1?distro=jessie&arch=i386");

        Assert.Equal(["arch", "distro"], purl.Qualifiers.Select(q => q.Key));
        Assert.Equal("pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie", purl.ToString());
    }

    [Fact]
    public void Parse_EmptyQualifierValue_DropsQualifier()
    {
        var purl = Purl.Parse("pkg:npm/foo@1.0.0?arch=&os=linux");

        Assert.Equal("pkg:npm/foo@1.0.0?os=linux", purl.ToString());
    }

    [Fact]
    public void Create_EmptyQualifierValue_DropsQualifier()
    {
        var purl = Purl.Create("npm", null, "foo", "1.0.0", [new("arch", ""), new("os", "linux")]);

        Assert.Equal(["os"], purl.Qualifiers.Select(q => q.Key));
    }

    [Fact]
    public void Parse_DuplicateQualifierKey_Fails()
    {
        Assert.False(Purl.TryParse("pkg:npm/foo@1?os=a&OS=b", out _, out var error));
        Assert.Contains("more than once", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PackageKey_FullPurl_DropsVersionQualifiersAndSubpath()
    {
        var purl = Purl.Parse("pkg:golang/google.golang.org/genproto@abcdedf?x=1#googleapis/api");

        Assert.Equal("pkg:golang/google.golang.org/genproto", purl.PackageKey);
        Assert.Equal(purl.PackageKey, purl.WithoutVersion().ToString());
        Assert.Null(purl.WithoutVersion().Version);
        Assert.Empty(purl.WithoutVersion().Qualifiers);
    }

    [Fact]
    public void Equals_DifferentSpellingsOfSamePurl_AreEqual()
    {
        var a = Purl.Parse("pkg:PYPI/Django_Package@1.0");
        var b = Purl.Create("pypi", null, "django-package", "1.0");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Purl.Parse("pkg:pypi/django-package@1.1"));
    }

    [Fact]
    public void Create_ComponentsNeedingEncoding_PercentEncodesCanonically()
    {
        var purl = Purl.Create("npm", "@angular", "core", "1.0.0 beta", [new("vcs_url", "git+https://x/y.git@abc")], "a b/c");

        Assert.Equal("pkg:npm/%40angular/core@1.0.0%20beta?vcs_url=git%2Bhttps:%2F%2Fx%2Fy.git%40abc#a%20b/c", purl.ToString());
        Assert.Equal(purl, Purl.Parse(purl.ToString()));
    }

    [Fact]
    public void Create_InvalidQualifierKey_ThrowsWithReason()
    {
        var ex = Assert.Throws<ArgumentException>(() => Purl.Create("npm", null, "foo", null, [new("in production", "true")]));

        Assert.Contains("in production", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pkg:npm/foo@1%zz")]
    [InlineData("pkg:maven/a%2Fb/c@1")]
    [InlineData("npm/foo@1")]
    [InlineData("pkg:npm")]
    [InlineData("pkg:golang/./api@(devel)")]
    [InlineData("pkg:generic/a/../b")]
    public void TryParse_Malformed_FailsWithError(string text)
    {
        Assert.False(Purl.TryParse(text, out var purl, out var error));
        Assert.Null(purl);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => Purl.Parse("pkg:3nginx/nginx"));
    }

    [Fact]
    public void Parse_SubpathWithDotSegments_DropsThem()
    {
        Assert.Equal("pkg:golang/x.org/y#a/b", Purl.Parse("pkg:golang/x.org/y#/a/./../b/").ToString());
    }

    [Fact]
    public void Parse_GitPurl_KeepsOwnerInName()
    {
        var purl = Purl.Parse("pkg:git/codeberg.org/forgejo/forgejo@a72d2c0");

        Assert.Equal("codeberg.org", purl.Namespace);
        Assert.Equal("forgejo/forgejo", purl.Name);
        Assert.Equal("pkg:git/codeberg.org/forgejo/forgejo", purl.PackageKey);
    }
}
