using ArtifactGraph.Core.Advisories;

namespace ArtifactGraph.Core.Tests.Advisories;

public sealed class Cvss3Tests
{
    // Expected scores from the FIRST CVSS v3.1 calculator (and the advisories in the corpus that state both).
    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0)]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H", 9.0)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H", 7.4)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N", 5.3)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5)]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.1)]
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", 5.4)]
    [InlineData("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0)]
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)]
    [InlineData("AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 7.5)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:U/RL:O/MC:N", 10.0)]
    public void TryBaseScore_Vector_FirstCalculatorScore(string vector, double expected)
    {
        Assert.True(Cvss3.TryBaseScore(vector, out var score, out var error), error);
        Assert.Equal(expected, score, precision: 1);
    }

    [Theory]
    [InlineData("CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H")]
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    [InlineData("CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    [InlineData("")]
    public void TryBaseScore_InvalidVector_FalseWithReason(string vector)
    {
        Assert.False(Cvss3.TryBaseScore(vector, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData(0.0, "none")]
    [InlineData(0.1, "low")]
    [InlineData(3.9, "low")]
    [InlineData(4.0, "medium")]
    [InlineData(6.9, "medium")]
    [InlineData(7.0, "high")]
    [InlineData(8.9, "high")]
    [InlineData(9.0, "critical")]
    [InlineData(10.0, "critical")]
    public void Level_Score_QualitativeRating(double score, string expected) => Assert.Equal(expected, Cvss3.Level(score));
}
