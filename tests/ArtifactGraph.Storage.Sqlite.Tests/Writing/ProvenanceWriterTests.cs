using ArtifactGraph.Storage.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Tests.Writing;

public sealed class ProvenanceWriterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(256)]
    [InlineData(597)]
    public void Flush_AnyRowCount_WritesEveryRowOnceForTheDocument(int rows)
    {
        using var connection = Open();
        using (var writer = new ProvenanceWriter(connection, "provenance", "row_id"))
        {
            writer.StartDocument(7);
            for (var i = 0; i < rows; i++)
            {
                writer.Add(i);
            }

            // A row repeated (a later chunk of the same document) is recorded once.
            writer.Add(0);
            writer.Flush();
        }

        Assert.Equal((long)Math.Max(rows, 1), Scalar(connection, "SELECT count(*) FROM provenance WHERE document_id = 7;"));
        Assert.Equal((long)Math.Max(rows, 1), Scalar(connection, "SELECT count(DISTINCT row_id) FROM provenance;"));
    }

    [Fact]
    public void StartDocument_AfterUnflushedRows_ForgetsThem()
    {
        using var connection = Open();
        using var writer = new ProvenanceWriter(connection, "provenance", "row_id");
        writer.StartDocument(1);
        writer.Add(10);

        // The first document rolled back before its chunk was flushed: its row must not reach the next one.
        writer.StartDocument(2);
        writer.Add(20);
        writer.Flush();

        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM provenance;"));
        Assert.Equal(20L, Scalar(connection, "SELECT row_id FROM provenance WHERE document_id = 2;"));
    }

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE provenance (row_id INTEGER NOT NULL, document_id INTEGER NOT NULL, PRIMARY KEY (row_id, document_id)) WITHOUT ROWID;";
        command.ExecuteNonQuery();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
