using ArtifactGraph.Storage.Sqlite.Provenance;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Tests.Provenance;

public sealed class BlockWriterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(1_000)]
    public void Write_DocumentsInterleavedByRow_EveryPairReadBackFromItsBlock(int rows)
    {
        using var connection = Open();
        using var writer = new BlockWriter(connection, "blocks");

        // Two documents sharing every row, merged row by row, across block boundaries.
        var lists = new List<StagedList> { new(7, Encoded(Enumerable.Range(0, rows))), new(8, Encoded(Enumerable.Range(0, rows))) };
        var written = writer.Write(new SortedPairs(lists), segment: 3);

        Assert.Equal(2L * rows, written);
        Assert.Equal(Enumerable.Range(0, rows).SelectMany(r => new[] { ((long)r, 7L), (r, 8L) }), MergedPairs.Of(connection, "blocks"));
        Assert.Equal((rows + 255) / 256, Scalar(connection, "SELECT count(*) FROM blocks;"));
        for (var row = 0; row < rows; row += 97)
        {
            Assert.Equal([7L, 8L], DocumentsOf(connection, 3, row));
        }
    }

    [Fact]
    public void Write_RowsWithManyDocumentsAndSparseIds_DocumentsOfAnswersEachRowAlone()
    {
        using var connection = Open();
        using var writer = new BlockWriter(connection, "blocks");

        // 300 documents assert row 5 (more than the writer's first buffers hold); rows far apart take several varint bytes.
        long[] sparse = [5, 6, 255, 256, 70_000, 9_000_000_000];
        var lists = Enumerable.Range(1, 300).Select(d => new StagedList(d * 1_000L, EncodedLongs(d % 2 == 0 ? sparse : sparse[..1]))).ToList();
        writer.Write(new SortedPairs(lists), segment: 1);

        Assert.Equal(Enumerable.Range(1, 300).Select(d => d * 1_000L), DocumentsOf(connection, 1, 5));
        Assert.Equal(Enumerable.Range(1, 150).Select(d => d * 2_000L), DocumentsOf(connection, 1, 9_000_000_000));
        Assert.Equal(Enumerable.Range(1, 150).Select(d => d * 2_000L), DocumentsOf(connection, 1, 256));
        Assert.Empty(DocumentsOf(connection, 1, 7));
        Assert.Empty(DocumentsOf(connection, 2, 5));
    }

    [Fact]
    public void Write_RowPastTheKeyRange_FailsNamingTheRow()
    {
        using var connection = Open();
        using var writer = new BlockWriter(connection, "blocks");

        var error = Assert.Throws<InvalidOperationException>(() => writer.Write(new SortedPairs([new(1, EncodedLongs([PostingBlock.RowLimit]))]), segment: 1));

        Assert.Contains(PostingBlock.RowLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void Write_TwoSegments_EachKeepsItsOwnBlocks()
    {
        using var connection = Open();
        using var writer = new BlockWriter(connection, "blocks");

        writer.Write(new SortedPairs([new(1, Encoded([10, 20]))]), segment: 1);
        writer.Write(new SortedPairs([new(2, Encoded([20, 30]))]), segment: 2);

        Assert.Equal([1L], DocumentsOf(connection, 1, 20));
        Assert.Equal([2L], DocumentsOf(connection, 2, 20));
        Assert.Equal([(10L, 1L), (20, 1), (20, 2), (30, 2)], MergedPairs.Of(connection, "blocks"));
    }

    internal static byte[] EncodedLongs(IEnumerable<long> ids)
    {
        var sorted = ids.ToArray();
        var blob = new byte[RowIdList.MaxEncodedLength(sorted.Length)];
        return blob[..RowIdList.Encode(sorted, blob)];
    }

    internal static byte[] Encoded(IEnumerable<int> ids) => EncodedLongs(ids.Select(i => (long)i));

    private static List<long> DocumentsOf(SqliteConnection connection, long segment, long row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT postings FROM blocks WHERE key = $key;";
        command.Parameters.AddWithValue("$key", PostingBlock.Key(segment, PostingBlock.BlockOf(row)));
        var documents = new List<long>();
        if (command.ExecuteScalar() is byte[] postings)
        {
            PostingBlock.DocumentsOf(postings, row, documents);
        }

        return documents;
    }

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE blocks (key INTEGER PRIMARY KEY, postings BLOB NOT NULL);";
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
