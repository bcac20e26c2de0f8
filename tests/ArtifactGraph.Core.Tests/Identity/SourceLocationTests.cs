using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Core.Tests.Identity;

public sealed class SourceLocationTests
{
    [Theory]
    [InlineData("git+https://github.com/kubernetes/kubernetes", "git+https://github.com/kubernetes/kubernetes", null)]
    [InlineData("https://github.com/Kubernetes/Kubernetes.git", "git+https://github.com/kubernetes/kubernetes", null)]
    [InlineData("git://github.com/kubernetes/kubernetes", "git+https://github.com/kubernetes/kubernetes", null)]
    [InlineData("git@github.com:sigstore/sigstore-python.git", "git+https://github.com/sigstore/sigstore-python", null)]
    [InlineData("git+https://github.com/slsa-framework/example-package@refs/tags/v14", "git+https://github.com/slsa-framework/example-package", "refs/tags/v14")]
    [InlineData("https://github.com/a/b#abc123", "git+https://github.com/a/b", "abc123")]
    [InlineData("scm:git:https://gitlab.com/Group/Project.git", "git+https://gitlab.com/Group/Project", null)]
    [InlineData("git+https://Git.Example.org:8443/team/repo.git/", "git+https://git.example.org:8443/team/repo", null)]
    [InlineData("git://example.org/repo", "git://example.org/repo", null)]
    [InlineData("'git+https://github.com/a/b'", "git+https://github.com/a/b", null)]
    [InlineData("https://github.com/asm89/stack-cors/tree/1.3.0", "git+https://github.com/asm89/stack-cors", "1.3.0")]
    [InlineData("https://github.com/a/b/commit/0123456789abcdef0123456789abcdef01234567", "git+https://github.com/a/b", "0123456789abcdef0123456789abcdef01234567")]
    [InlineData("https://gitlab.com/group/sub/repo/-/tree/main", "git+https://gitlab.com/group/sub/repo", "main")]
    public void TryParse_VcsUrlSpellings_CanonicalRepositoryAndRef(string text, string repository, string? reference)
    {
        Assert.True(SourceLocation.TryParse(text, assumeGit: false, out var location));

        Assert.Equal(repository, location.Repository);
        Assert.Equal(reference, location.Ref);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NOASSERTION")]
    [InlineData("https://example.org")]
    [InlineData("mailto:someone@example.org")]
    public void TryParse_NotARepository_False(string text)
    {
        Assert.False(SourceLocation.TryParse(text, assumeGit: false, out _));
    }

    [Fact]
    public void TryParse_HttpsWithoutPrefixOffForge_GitOnlyWhenAssumed()
    {
        Assert.True(SourceLocation.TryParse("https://example.org/team/repo", assumeGit: false, out var plain));
        Assert.True(SourceLocation.TryParse("https://example.org/team/repo", assumeGit: true, out var git));

        Assert.Equal("https://example.org/team/repo", plain.Repository);
        Assert.Equal("git+https://example.org/team/repo", git.Repository);
    }

    [Fact]
    public void AtRevision_RepositoryAtCommit()
    {
        Assert.Equal("git+https://github.com/a/b@0123", SourceLocation.AtRevision("git+https://github.com/a/b", "0123"));
    }
}
