using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Core.Tests.Identity;

public sealed class ImageReferenceTests
{
    private const string Hex = "ee398c1e436e28bb57d16e3fed395657e877890295483bf21c016acbab6b7fd1";

    [Theory]
    [InlineData("nginx", "docker.io", "library/nginx", null, "docker.io/library/nginx")]
    [InlineData("nginx:latest", "docker.io", "library/nginx", "latest", "docker.io/library/nginx:latest")]
    [InlineData("docker.io/library/nginx:latest", "docker.io", "library/nginx", "latest", "docker.io/library/nginx:latest")]
    [InlineData("index.docker.io/library/nginx:1.25", "docker.io", "library/nginx", "1.25", "docker.io/library/nginx:1.25")]
    [InlineData("bitnami/redis:7", "docker.io", "bitnami/redis", "7", "docker.io/bitnami/redis:7")]
    [InlineData("k8s.gcr.io/kube-apiserver:v1.24.1", "k8s.gcr.io", "kube-apiserver", "v1.24.1", "k8s.gcr.io/kube-apiserver:v1.24.1")]
    [InlineData("localhost:5000/team/app:dev", "localhost:5000", "team/app", "dev", "localhost:5000/team/app:dev")]
    [InlineData("localhost/app", "localhost", "app", null, "localhost/app")]
    [InlineData("registry.example.com:443/a/b/c", "registry.example.com:443", "a/b/c", null, "registry.example.com:443/a/b/c")]
    public void TryParse_ValidReference_SplitsAndNormalizesAsDocker(string text, string registry, string repository, string? tag, string canonical)
    {
        Assert.True(ImageReference.TryParse(text, out var reference));

        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Null(reference.Digest);
        Assert.Equal(canonical, reference.ToString());
    }

    [Fact]
    public void TryParse_Digest_IsCanonicalAndKeptWithTag()
    {
        var reference = ImageReference.Parse($"ghcr.io/org/app:1.0@SHA256:{Hex.ToUpperInvariant()}");

        Assert.Equal("sha256:" + Hex, reference.Digest);
        Assert.Equal("1.0", reference.Tag);
        Assert.Equal($"ghcr.io/org/app:1.0@sha256:{Hex}", reference.ToString());
        Assert.Equal("ghcr.io/org/app", reference.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/mnt/images/kubectl.tar")]
    [InlineData("Upper/Case")]
    [InlineData("nginx:bad tag")]
    [InlineData("nginx@sha256:abc")]
    [InlineData("nginx@notadigest")]
    [InlineData("a//b")]
    public void TryParse_Invalid_ReturnsFalseWithReason(string text)
    {
        Assert.False(ImageReference.TryParse(text, out var reference, out var error));
        Assert.Null(reference);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Parse_Invalid_Throws()
    {
        Assert.Throws<FormatException>(() => ImageReference.Parse("Not An Image"));
    }
}
