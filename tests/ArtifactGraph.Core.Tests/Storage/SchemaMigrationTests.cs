using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Core.Tests.Storage;

/// <summary>The scripts under Fixtures/Migrations/&lt;case&gt;, embedded by the csproj as a store embeds its own.</summary>
public sealed class SchemaMigrationTests
{
    private static IReadOnlyList<SchemaMigration> Load(string folder) =>
        SchemaMigration.LoadEmbedded(typeof(SchemaMigrationTests).Assembly, $"ArtifactGraph.Core.Tests.Fixtures.Migrations.{folder}.");

    [Fact]
    public void LoadEmbedded_Scripts_SqlOnlyInFileNameOrderWithTheirVersions()
    {
        var migrations = Load("Ordered");

        Assert.Equal(["001_first.sql", "002_second.sql", "010_tenth.sql"], migrations.Select(m => m.Name));
        Assert.Equal([1, 2, 10], migrations.Select(m => m.Version));
        Assert.Equal("CREATE TABLE a (id integer);\n", migrations[0].Sql);
    }

    [Fact]
    public void LoadEmbedded_OtherPrefix_NoScripts()
    {
        Assert.Empty(Load("Missing"));
    }

    [Theory]
    [InlineData("DuplicateVersion", "share version 1")]
    [InlineData("Unnumbered", "'initial.sql' does not start with a version number")]
    public void LoadEmbedded_BadScriptNames_Throws(string folder, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Load(folder));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void RejectNewerSchema_AtOrBelowTheNewestKnown_Accepts(long newestApplied)
    {
        SchemaMigration.RejectNewerSchema(Load("Ordered"), newestApplied);
    }

    [Fact]
    public void RejectNewerSchema_NewerThanTheNewestKnown_ThrowsNamingBoth()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SchemaMigration.RejectNewerSchema(Load("Ordered"), 11));

        Assert.Contains("at version 11, newer than this build's 10", error.Message, StringComparison.Ordinal);
    }
}
