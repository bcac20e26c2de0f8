namespace ArtifactGraph.Cli.Tests.Commands;

public sealed class VersionsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("Maven", "2.0-beta9", "2.0", "<")]
    [InlineData("Maven", "1.0", "1", "=")]
    [InlineData("PyPI", "1.0.post1", "1.0", ">")]
    [InlineData("Debian", "1:0.5", "2.0", ">")]
    [InlineData("deb", "1.0~rc1", "1.0", "<")]
    [InlineData("npm", "1.0.0-beta.11", "1.0.0-beta.2", ">")]
    public void Compare_TwoVersions_PrintsTheOrder(string ecosystem, string a, string b, string expected)
    {
        var (exit, output, error) = _cli.Run("versions", "compare", "--ecosystem", ecosystem, a, b);

        Assert.Equal(0, exit);
        Assert.Equal(expected, output.Trim());
        Assert.Equal("", error);
    }

    [Fact]
    public void Compare_PairsOnStdin_PrintsOneAnswerPerLine()
    {
        var (exit, output, _) = _cli.RunWithInput("1.2.3 1.10.0\n\n2.0.0 2.0.0\n3.0.0 2.9.9\n", "versions", "compare", "--ecosystem", "npm");

        Assert.Equal(0, exit);
        Assert.Equal(["<", "=", ">"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
    }

    [Fact]
    public void Compare_UnparsableVersion_NamesItAndExits1()
    {
        var (exit, _, error) = _cli.Run("versions", "compare", "--ecosystem", "npm", "1.0.0", "banana");

        Assert.Equal(1, exit);
        Assert.Contains("banana", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_UnknownEcosystem_UsesGenericAndWarns()
    {
        var (exit, output, error) = _cli.Run("versions", "compare", "--ecosystem", "Nowhere", "1.2", "1.10");

        Assert.Equal(0, exit);
        Assert.Equal("<", output.Trim());
        Assert.Contains("generic", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Json_GivesSchemeAndOrders()
    {
        var result = _cli.Json("versions", "compare", "--ecosystem", "Alpine:v3.18", "1.0_rc1", "1.0");

        Assert.Equal("apk", result.GetProperty("scheme").GetString());
        Assert.False(result.GetProperty("generic").GetBoolean());
        Assert.Equal("<", result.GetProperty("comparisons")[0].GetProperty("order").GetString());
    }

    [Fact]
    public void Compare_StdinLineWithoutTwoVersions_NamesTheLineAndExits1()
    {
        var (exit, _, error) = _cli.RunWithInput("1.0.0 2.0.0\n1.0.0\n", "versions", "compare", "--ecosystem", "npm");

        Assert.Equal(1, exit);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NoEcosystem_IsAUsageError()
    {
        Assert.Equal(2, _cli.Run("versions", "compare", "1", "2").Exit);
    }

    [Theory]
    [InlineData("""{"type":"ECOSYSTEM","events":[{"introduced":"2.13.0"},{"fixed":"2.15.0"}]}""", "2.14.1", "yes: 2.14.1 in [2.13.0, 2.15.0) (ECOSYSTEM range 1)")]
    [InlineData("introduced=2.13.0,fixed=2.15.0", "2.15.0", "no: 2.15.0 is fixed (ECOSYSTEM range 1)")]
    [InlineData("introduced=2.0-beta9,fixed=2.3.1", "2.0", "yes: 2.0 in [2.0-beta9, 2.3.1) (ECOSYSTEM range 1)")]
    [InlineData("vers:maven/>=2.13.0|<2.15.0", "2.14.1", "yes: 2.14.1 in vers:maven/>=2.13.0|<2.15.0 (>= 2.13.0 and < 2.15.0)")]
    public void Contains_Range_PrintsYesOrNoAndWhy(string range, string version, string expected)
    {
        var (exit, output, _) = _cli.Run("versions", "contains", "--ecosystem", "Maven", range, version);

        Assert.Equal(0, exit);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public void Contains_Json_GivesContainedAndExplanation()
    {
        var result = _cli.Json("versions", "contains", "--ecosystem", "PyPI", "introduced=0,fixed=1.1", "1.0.post2");

        Assert.True(result.GetProperty("contained").GetBoolean());
        Assert.Equal("1.0.post2 in [0, 1.1) (ECOSYSTEM range 1)", result.GetProperty("explanation").GetString());
    }

    [Fact]
    public void Contains_VersWithoutEcosystem_UsesTheVersScheme()
    {
        var (exit, output, _) = _cli.Run("versions", "contains", "vers:deb/>=1:1.0|<1:2.0", "2.5");

        Assert.Equal(0, exit);
        Assert.StartsWith("no:", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Contains_UnparsableBound_ExplainsAndExits1()
    {
        var (exit, _, error) = _cli.Run("versions", "contains", "--ecosystem", "npm", "introduced=0,fixed=1.x.y", "1.0.0");

        Assert.Equal(1, exit);
        Assert.Contains("1.x.y", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Contains_BadCompactRange_IsAUsageError()
    {
        Assert.Equal(2, _cli.Run("versions", "contains", "--ecosystem", "npm", "opened=1.0", "1.0.0").Exit);
    }

    [Fact]
    public void Versions_NoSubcommand_IsAUsageError()
    {
        Assert.Equal(2, _cli.Run("versions").Exit);
    }
}
