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

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Bind_Int64_ReadBackTheSame(long value)
    {
        using var connection = Open();
        using var statement = new Statement(connection, "SELECT $v, typeof($v) = 'integer';", "$v");

        Assert.True(statement.Bind(0, value).TryExecutePair(out var read, out var isInteger));
        Assert.Equal(value, read);
        Assert.Equal(1, isInteger);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    public void BindBlob_Bytes_StoredAsTheSameBlobNeverNull(int length)
    {
        using var connection = Open();
        using var statement = new Statement(connection, "SELECT $v IS NULL, length($v), hex($v);", "$v");
        var bytes = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

        Assert.True(statement.BindBlob(0, bytes).TryExecuteRow(out var isNull, out var stored, out var hex));
        Assert.Equal(0, isNull);
        Assert.Equal(length, stored);
        Assert.Equal(Convert.ToHexString(bytes), hex);
    }

    [Fact]
    public void ExecuteInsert_NewThenConflicting_RowIdThenNullAndTheChangedRows()
    {
        using var connection = Open();
        SqliteConnections.Execute(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE);");
        using var insert = new Statement(connection, "INSERT INTO t (k) VALUES ($k) ON CONFLICT (k) DO NOTHING;", "$k");
        using var rename = new Statement(connection, "UPDATE t SET k = k || '!' WHERE k <> $k;", "$k");

        Assert.Equal(1L, insert.Bind(0, "a").ExecuteInsert());
        Assert.Equal(2L, insert.Bind(0, "b").ExecuteInsert());
        Assert.Null(insert.Bind(0, "a").ExecuteInsert());
        Assert.Equal(1, rename.Bind(0, "a").Execute());
    }

    [Fact]
    public void Execute_ConstraintViolated_ThrowsAndTheStatementRunsAgain()
    {
        using var connection = Open();
        SqliteConnections.Execute(connection, "CREATE TABLE t (k TEXT NOT NULL);");
        using var insert = new Statement(connection, "INSERT INTO t (k) VALUES ($k);", "$k");

        var error = Assert.Throws<SqliteException>(() => insert.BindNull(0).Execute());

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(1, insert.Bind(0, "x").Execute());
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
