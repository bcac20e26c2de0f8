using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>
/// image(ref) over public container SBOMs (syft's SPDX of the vulhub log4shell image with the log4j advisory, syft's
/// CycloneDX of consul, Red Hat's ubi9-micro index and amd64 SBOMs): the same answers as the CLI's image --json,
/// contents paged past the page size limit, and the Red Hat tag naming two digests is ambiguous as the CLI shows.
/// </summary>
public sealed class ImageCorpusQueryTests(ImageCorpusQueryTests.Store store) : IClassFixture<ImageCorpusQueryTests.Store>
{
    private const string RedHatTag = "registry.access.redhat.com/ubi9/ubi-micro:9.4-6.1716471860";

    [Theory]
    [InlineData("ppatel1989/vul-image-latest")]
    [InlineData("consul")]
    [InlineData("docker.io/library/consul:latest")]
    [InlineData("sha256:1c8483e0fda0e990175eb9855a5f15e0910d2038dd397d9e2b357630f0321e6d")]
    public async Task Image_PublicSbom_EqualsCliJson(string reference) =>
        await ImageParity.AssertEqualsCliAsync(store.Server, reference);

    [Fact]
    public async Task Image_Log4ShellImage_Log4jFindingAndContentsOverSeveralPages()
    {
        var applied = await ImageParity.AssertEqualsCliAsync(store.Server, "ppatel1989/vul-image-latest");

        Assert.True(applied.GetProperty("contents").GetProperty("totalCount").GetInt32() > 500);
        var finding = Assert.Single(applied.GetProperty("vulnerabilities").GetProperty("edges").EnumerateArray()).GetProperty("node");
        Assert.Equal("CVE-2021-44228", finding.GetProperty("id").GetString());
        Assert.Equal("pkg:maven/org.apache.logging.log4j/log4j-core@2.8.1", finding.GetProperty("package").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Image_RedHatTagOnIndexAndPlatform_AmbiguousNamingTheCliImages()
    {
        var (_, body) = await store.Server.GraphQLAsync($"{{ image(ref: \"{RedHatTag}\") {{ counts {{ contents }} }} }}");

        var error = body.GetProperty("errors")[0];
        Assert.Equal("AMBIGUOUS_REF", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(
            store.Server.CliJson("image", RedHatTag).EnumerateArray().Select(r => r.GetProperty("image").GetProperty("id").GetString()),
            error.GetProperty("extensions").GetProperty("candidates").EnumerateArray().Select(c => c.GetString()));
    }

    /// <summary>The corpus documents ingested once for the class.</summary>
    public sealed class Store : IDisposable
    {
        public Store()
        {
            string[] documents =
            [
                Corpus.PathOf("guac", "guac-data", "spdx_vuln.json"),
                Corpus.PathOf("osv", "GHSA-jfh8-c2jp-5v3q.json"),
                Corpus.PathOf("guac", "guac-data", "syft-cyclonedx-docker.io-library-consul_latest.json"),
                Corpus.PathOf("spdx2", "redhat_ubi9-micro-9.4-6-index.spdx.json"),
                Corpus.PathOf("spdx2", "redhat_ubi9-micro-9.4-6_amd64.spdx.json"),
            ];
            Assert.Equal(0, Server.Cli(["ingest", .. documents]).Exit);
        }

        public ServerFixture Server { get; } = new(new Dictionary<string, string?>(), seed: false);

        public void Dispose() => Server.Dispose();
    }
}
