using ArtifactGraph.Core.Versions;

namespace ArtifactGraph.Core.Tests.Versions;

public sealed class VersRangeTests
{
    [Theory]
    [InlineData("vers:npm/>=1.0.0|<2.0.0", "1.5.0", true)]
    [InlineData("vers:npm/>=1.0.0|<2.0.0", "2.0.0", false)]
    [InlineData("vers:npm/*", "0.0.1", true)]
    [InlineData("vers:npm/>=1.0.0|!=1.2.0|<2.0.0", "1.2.0", false)]
    [InlineData("vers:deb/>=1:1.0-1|<1:2.0-1", "1:1.5-3", true)]
    [InlineData("vers:deb/>=1:1.0-1|<1:2.0-1", "1.5-3", false)]
    [InlineData("vers:pypi/<1.0|>=2.0", "1.5", false)]
    [InlineData("vers:pypi/<1.0|>=2.0", "2.0.post1", true)]
    [InlineData("vers:maven/>=2.0-beta9|<2.3.1|>=2.4|<2.12.2|>=2.13.0|<2.15.0", "2.14.1", true)]
    [InlineData("vers:maven/>=2.0-beta9|<2.3.1|>=2.4|<2.12.2|>=2.13.0|<2.15.0", "2.12.2", false)]
    [InlineData("vers:golang/>=v1.2.0|<v1.3.0", "v1.2.9", true)]
    [InlineData("vers:unknown/>=1.2|<1.10", "1.9", true)]
    public void Contains_Version_FollowsTheVersAlgorithm(string vers, string version, bool expected)
    {
        Assert.Equal(expected, VersRange.Parse(vers).Contains(version));
    }

    [Theory]
    [InlineData("vers:npm/ >=1.0.0 | <2.0.0 ", "vers:npm/>=1.0.0|<2.0.0")]
    [InlineData("vers:NPM/<2.0.0|>=1.0.0", "vers:npm/>=1.0.0|<2.0.0")]
    [InlineData("vers:npm/=1.0.0", "vers:npm/1.0.0")]
    [InlineData("vers:generic/1%7C2", "vers:generic/1%7C2")]
    public void ParseLenient_NonCanonical_Normalizes(string input, string canonical)
    {
        Assert.Equal(canonical, VersRange.ParseLenient(input).ToString());
    }

    [Theory]
    [InlineData("npm:>=1.0.0")]
    [InlineData("vers:npm/")]
    [InlineData("vers:npm/>=1.0.0||<2.0.0")]
    [InlineData("vers:npm/>=2.0.0|<1.0.0")]
    [InlineData("vers:npm/>=banana")]
    public void Parse_NotCanonical_Throws(string input)
    {
        Assert.Throws<FormatException>(() => VersRange.Parse(input));
    }

    [Fact]
    public void Contains_UnparsableCandidate_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => VersRange.Parse("vers:npm/>=1.0.0").Contains("banana"));
    }
}
