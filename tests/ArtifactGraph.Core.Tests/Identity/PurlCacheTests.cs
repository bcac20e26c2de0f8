using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Core.Tests.Identity;

public sealed class PurlCacheTests
{
    [Fact]
    public void TryParse_SameTextAgain_SameInstance()
    {
        // Tests running beside this one parse purls too, and may (rarely) take the text's slot between two calls: one
        // of three pairs finding the same instance is the cache at work; a parse each time never would.
        var same = Enumerable.Range(0, 3).Any(attempt =>
            PurlCache.TryParse("pkg:npm/left-pad@1.3.0", out var first, out _) &
            PurlCache.TryParse("pkg:npm/left-pad@1.3.0", out var again, out _) &&
            ReferenceEquals(first, again));

        Assert.True(same);
    }

    [Fact]
    public void TryParse_InvalidText_SameErrorEveryTime()
    {
        Assert.False(PurlCache.TryParse("npm/left-pad", out _, out var first));
        Assert.False(PurlCache.TryParse("npm/left-pad", out var purl, out var again));

        Assert.Null(purl);
        Assert.Equal(PurlParser.TryParse("npm/left-pad", out _, out var expected) ? null : expected, first);
        Assert.Equal(first, again);
    }

    [Fact]
    public void TryParse_FarMoreTextsThanSlots_EachAnswersForItsOwnText()
    {
        // Texts that share a slot replace each other: whatever was replaced, every answer must be its own text's parse.
        var texts = Enumerable.Range(0, 4 * PurlCache.Capacity)
            .Select(i => i % 7 == 0 ? $"bad purl {i}" : $"pkg:maven/org.example/lib-{i % 997}@{i}")
            .ToList();

        for (var round = 0; round < 2; round++)
        {
            foreach (var text in texts)
            {
                var cached = PurlCache.TryParse(text, out var purl, out var error);
                var parsed = PurlParser.TryParse(text, out var expected, out var expectedError);

                Assert.Equal(parsed, cached);
                Assert.Equal(expected?.ToString(), purl?.ToString());
                Assert.Equal(expectedError, error);
            }
        }
    }
}
