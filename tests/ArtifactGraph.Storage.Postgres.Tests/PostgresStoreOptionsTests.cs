namespace ArtifactGraph.Storage.Postgres.Tests;

public sealed class PostgresStoreOptionsTests
{
    private const string Server = "Host=127.0.0.1;Port=5432;Username=postgres;Database=artifactgraph";

    [Fact]
    public void Validate_ConnectionStringAndDefaults_Passes()
    {
        var options = new PostgresStoreOptions { ConnectionString = Server };

        options.Validate();

        Assert.Null(options.Schema);
        Assert.True(options.CommandTimeoutSeconds > 0);
        Assert.True(options.MaxPoolSize >= 2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("NoSuchKeyword=1")]
    public void Validate_UnusableConnectionString_Throws(string connectionString)
    {
        Assert.Throws<ArgumentException>(() => new PostgresStoreOptions { ConnectionString = connectionString }.Validate());
    }

    [Theory]
    [InlineData("Store")]
    [InlineData("1store")]
    [InlineData("store; DROP TABLE nodes")]
    [InlineData("")]
    public void Validate_SchemaNotPlainIdentifier_Throws(string schema)
    {
        Assert.Throws<ArgumentException>(() => new PostgresStoreOptions { ConnectionString = Server, Schema = schema }.Validate());
    }

    [Fact]
    public void Validate_NegativeTimeoutOrTinyPool_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PostgresStoreOptions { ConnectionString = Server, CommandTimeoutSeconds = -1 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new PostgresStoreOptions { ConnectionString = Server, MaxPoolSize = 1 }.Validate());
    }
}
