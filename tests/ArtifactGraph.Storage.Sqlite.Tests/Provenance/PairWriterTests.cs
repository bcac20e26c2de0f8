using ArtifactGraph.Storage.Sqlite.Provenance;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Tests.Provenance;

public sealed class PairWriterTests
{
    [Theory]
    [InlineData(0, PairWriter.DefaultFlushAt)]
    [InlineData(1, PairWriter.DefaultFlushAt)]
    [InlineData(5, PairWriter.DefaultFlushAt)]
    [InlineData(256, PairWriter.DefaultFlushAt)]
    [InlineData(597, PairWriter.DefaultFlushAt)]
    [InlineData(597, 100)]
    [InlineData(597, 1)]
    public void Flush_DocumentsInterleavedByRow_WritesEveryPairOnce(int rows, int flushAt)
    {
        using var connection = Open();
        using (var writer = new PairWriter(connection, "provenance", "row_id", flushAt))
        {
            // Two documents sharing every row: the pairs arrive document by document, are written row by row.
            writer.Add(7, Encoded(Enumerable.Range(0, rows)));
            writer.Add(8, Encoded(Enumerable.Range(0, rows)));
            writer.Flush();
        }

        Assert.Equal((long)rows, Scalar(connection, "SELECT count(*) FROM provenance WHERE document_id = 7;"));
        Assert.Equal((long)rows, Scalar(connection, "SELECT count(*) FROM provenance WHERE document_id = 8;"));
        Assert.Equal((long)rows, Scalar(connection, "SELECT count(DISTINCT row_id) FROM provenance;"));
    }

    [Fact]
    public void Clear_AfterAdd_DropsTheBufferedPairs()
    {
        using var connection = Open();
        using var writer = new PairWriter(connection, "provenance", "row_id");
        writer.Add(1, Encoded([10]));

        // The first merge failed before its flush: its pairs must not reach the next one.
        writer.Clear();
        writer.Add(2, Encoded([20]));
        writer.Flush();

        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM provenance;"));
        Assert.Equal(20L, Scalar(connection, "SELECT row_id FROM provenance WHERE document_id = 2;"));
    }

    private static byte[] Encoded(IEnumerable<int> ids)
    {
        var sorted = ids.Select(i => (long)i).ToArray();
        var blob = new byte[RowIdList.MaxEncodedLength(sorted.Length)];
        return blob[..RowIdList.Encode(sorted, blob)];
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
