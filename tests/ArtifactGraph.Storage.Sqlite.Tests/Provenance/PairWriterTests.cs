using ArtifactGraph.Storage.Sqlite.Provenance;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Tests.Provenance;

public sealed class PairWriterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(256)]
    [InlineData(597)]
    public void Write_DocumentsInterleavedByRow_WritesEveryPairOnce(int rows)
    {
        using var connection = Open();
        using var writer = new PairWriter(connection, "provenance", "row_id");

        // Two documents sharing every row: their lists are merged row by row as they are written.
        var written = writer.Write([new(7, Encoded(Enumerable.Range(0, rows))), new(8, Encoded(Enumerable.Range(0, rows)))]);

        Assert.Equal(2L * rows, written);
        Assert.Equal((long)rows, Scalar(connection, "SELECT count(*) FROM provenance WHERE document_id = 7;"));
        Assert.Equal((long)rows, Scalar(connection, "SELECT count(*) FROM provenance WHERE document_id = 8;"));
        Assert.Equal((long)rows, Scalar(connection, "SELECT count(DISTINCT row_id) FROM provenance;"));
    }

    [Fact]
    public void Write_LoneDocumentOverManyBatches_WritesExactlyItsIds()
    {
        using var connection = Open();
        using var writer = new PairWriter(connection, "provenance", "row_id");

        // 256-pair batches and every tail size (64, 16, 4, 1), with gaps of several varint bytes.
        var ids = Enumerable.Range(0, 1_000 + 64 + 16 + 4 + 3).Select(i => i * 3 + (i % 7 == 0 ? 1_000_000 : 0)).Distinct().Order().ToList();
        writer.Write([new(5, Encoded(ids))]);

        Assert.Equal(ids.Select(i => (long)i), Column(connection, "SELECT row_id FROM provenance WHERE document_id = 5 ORDER BY row_id;"));
        Assert.Equal((long)ids.Count, Scalar(connection, "SELECT count(*) FROM provenance;"));
    }

    [Fact]
    public void Write_TwoLoneDocumentsInARow_EachPairNamesItsOwnDocument()
    {
        using var connection = Open();
        using var writer = new PairWriter(connection, "provenance", "row_id");

        // The lone-document statements keep their document binding between executions; the second must rebind it.
        writer.Write([new(1, Encoded(Enumerable.Range(0, 300)))]);
        writer.Write([new(2, Encoded(Enumerable.Range(100, 300)))]);

        Assert.Equal([1L, 2L], Column(connection, "SELECT document_id FROM provenance WHERE row_id = 150 ORDER BY document_id;"));
        Assert.Equal(300L, Scalar(connection, "SELECT count(*) FROM provenance WHERE document_id = 2;"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM provenance WHERE document_id = 1 AND row_id >= 300;"));
    }

    [Fact]
    public void Write_AfterAFailedWrite_WritesOnlyItsOwnPairs()
    {
        using var connection = Open();
        using var writer = new PairWriter(connection, "provenance", "row_id");
        Execute(connection, "CREATE TRIGGER refuse BEFORE INSERT ON provenance WHEN NEW.row_id = 13 BEGIN SELECT RAISE(ABORT, 'refused'); END;");

        // A merge that fails part-way (its transaction rolls back) must leave nothing behind for the next one.
        Assert.Throws<SqliteException>(() => writer.Write([new(1, Encoded(Enumerable.Range(0, 300)))]));
        Execute(connection, "DELETE FROM provenance;");
        writer.Write([new(2, Encoded([20]))]);

        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM provenance;"));
        Assert.Equal(20L, Scalar(connection, "SELECT row_id FROM provenance WHERE document_id = 2;"));
    }

    internal static byte[] Encoded(IEnumerable<int> ids)
    {
        var sorted = ids.Select(i => (long)i).ToArray();
        var blob = new byte[RowIdList.MaxEncodedLength(sorted.Length)];
        return blob[..RowIdList.Encode(sorted, blob)];
    }

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE provenance (row_id INTEGER NOT NULL, document_id INTEGER NOT NULL, PRIMARY KEY (row_id, document_id)) WITHOUT ROWID;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static List<long> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<long>();
        while (reader.Read())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }
}
