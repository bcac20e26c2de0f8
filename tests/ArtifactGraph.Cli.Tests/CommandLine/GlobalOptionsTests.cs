using ArtifactGraph.Cli.CommandLine;

namespace ArtifactGraph.Cli.Tests.CommandLine;

public sealed class GlobalOptionsTests
{
    private const string Server = "Host=db;Username=artifactgraph;Database=artifactgraph";

    private static CommandArgs Parse(params string[] words) =>
        CommandArgs.Parse(words, GlobalOptions.Values.ToHashSet(), GlobalOptions.Flags.ToHashSet());

    [Fact]
    public void PostgresConnectionString_PostgresOption_WinsOverEnvironment()
    {
        Assert.Equal(Server, GlobalOptions.PostgresConnectionString(Parse("--postgres", Server), "Host=other"));
    }

    [Fact]
    public void PostgresConnectionString_DbOption_ChoosesSqliteEvenWithEnvironment()
    {
        Assert.Null(GlobalOptions.PostgresConnectionString(Parse("--db", "graph.db"), Server));
    }

    [Fact]
    public void PostgresConnectionString_NoOptions_UsesEnvironmentElseSqlite()
    {
        Assert.Equal(Server, GlobalOptions.PostgresConnectionString(Parse(), Server));
        Assert.Null(GlobalOptions.PostgresConnectionString(Parse(), null));
        Assert.Null(GlobalOptions.PostgresConnectionString(Parse(), string.Empty));
    }

    [Theory]
    [InlineData("--db", "graph.db", "--postgres", Server)]
    [InlineData("--postgres", "")]
    public void PostgresConnectionString_ConflictingOrEmpty_IsUsageError(params string[] words)
    {
        Assert.Throws<UsageException>(() => GlobalOptions.PostgresConnectionString(Parse(words), null));
    }
}
