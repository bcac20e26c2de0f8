using System.Text;
using ArtifactGraph.Storage.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Tests.Writing;

public sealed class StatementTests
{
    public static TheoryData<string> Texts() => new()
    {
        string.Empty,
        "pkg:npm/%40scope/left-pad@1.3.0",
        "naïve — 名前 🚀",
        new string('x', 5_000),
        new string('é', 300),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Bind_Text_StoredAsTheSameTextNeverNull(string text)
    {
        using var connection = Open();
        using var statement = Echo(connection);

        // Twice: the reused buffer must not leak the first value's tail into a shorter second one.
        const string first = "a longer value bound first, to dirty the buffer";
        Assert.Equal(first, Read(statement.Bind(0, first)));
        Assert.Equal(text, Read(statement.Bind(0, text)));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void BindUtf8_Bytes_StoredAsTheSameTextNeverNull(string text)
    {
        using var connection = Open();
        using var statement = Echo(connection);

        Assert.Equal(text, Read(statement.BindUtf8(0, Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Bind_Null_StoredAsNull()
    {
        using var connection = Open();
        using var statement = Echo(connection);

        Assert.True(statement.Bind(0, (string?)null).TryExecuteRow(out var isNull, out _, out _));
        Assert.Equal(1, isNull);
    }

    private static Statement Echo(SqliteConnection connection) => new(connection, "SELECT $v IS NULL, length($v), $v;", "$v");

    private static string? Read(Statement statement)
    {
        Assert.True(statement.TryExecuteRow(out var isNull, out var length, out var text));
        Assert.Equal(0, isNull);

        // SQLite's length() counts code points: the whole text arrived, not a prefix.
        Assert.Equal(text!.EnumerateRunes().Count(), length);
        return text;
    }

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }
}
